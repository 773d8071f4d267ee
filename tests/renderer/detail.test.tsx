import { fireEvent, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { XSS } from './fixtures';
import { detail, must, renderInbox, rows } from './helpers';

const open = (id: string): void => {
  const row = rows().find((r) => r.dataset.reviewId === `google:loc-1:${id}`);
  if (!row) throw new Error(`no row ${id}`);
  fireEvent.click(row);
};

describe('review detail', () => {
  it('renders untrusted review text and names as literal text, never as HTML', async () => {
    const { container } = await renderInbox();
    open('xss');
    expect(detail().textContent).toContain(XSS);
    expect(detail().textContent).toContain('<b>Mallory</b>');
    const row = must(rows().find((r) => r.dataset.reviewId === 'google:loc-1:xss'), 'xss row');
    expect(row.textContent).toContain(XSS);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('shows the original first and the translation on request', async () => {
    await renderInbox();
    open('three');
    const pane = detail();
    expect(pane.textContent).toContain('Das Essen war okay, aber teuer.');
    expect(pane.textContent).not.toContain('The food was okay, but expensive.');
    const toggle = within(pane).getByRole('button', { name: 'Show translation' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide translation');
    expect(pane.textContent).toContain('Translated by Google');
    expect(pane.textContent).toContain('The food was okay, but expensive.');
    // Original stays first.
    const text = pane.textContent ?? '';
    expect(text.indexOf('Das Essen')).toBeLessThan(text.indexOf('The food'));

    fireEvent.click(toggle);
    expect(pane.textContent).not.toContain('The food was okay, but expensive.');
  });

  it('has no translation toggle for reviews without a translation', async () => {
    await renderInbox();
    open('five');
    expect(within(detail()).queryByRole('button', { name: 'Show translation' })).toBeNull();
  });

  it('opens the reply editor when Answer is pressed', async () => {
    await renderInbox();
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    expect(await within(detail()).findByLabelText('Your reply')).toBeTruthy();
    expect(within(detail()).queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('shows "Rating only" for reviews without text', async () => {
    await renderInbox();
    open('two');
    expect(detail().textContent).toContain('Rating only — no text');
  });
});
