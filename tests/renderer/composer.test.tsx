import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { insertPhrase } from '../../renderer/features/composer/insert';
import { RECENT_PHRASES_KEY } from '../../renderer/features/composer/useRecentPhrases';
import type { SettingsPatch } from '../../shared/domain/settings';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations, review, XSS } from './fixtures';
import { detail, must, renderInbox } from './helpers';

const off: SettingsPatch = { coolDown: { enabled: false, seconds: 60 } };

/** Opens the composer on the review at `id` (default: the first, 1★ English "Never again."). */
async function compose(settings: SettingsPatch = off, pick?: string) {
  const rendered = await renderInbox(createFakeApi({ reviews: inboxReviews, locations, settings: { signer: 'Sanne', contact: 'info@zoet.nl', ...settings } }));
  if (pick) fireEvent.click(must(document.querySelector(`[data-review-id="${pick}"]`), pick));
  fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
  const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
  await waitFor(() => expect(screen.getByText(/Calm check/)).toBeTruthy());
  return { ...rendered, box };
}
const steps = () => within(screen.getByRole('navigation', { name: 'Steps' })).getAllByRole('button');
const currentStep = () => steps().find((b) => b.getAttribute('aria-current') === 'step')?.textContent?.replace(/^\d/, '');

beforeEach(() => localStorage.clear());

describe('calm composer', () => {
  it('holds the editor for the cool-down on a 1★ review, with the reason, then unlocks it', async () => {
    const { box } = await compose({ coolDown: { enabled: true, seconds: 1 } });
    expect(screen.getByText(/A short pause before you write/)).toBeTruthy();
    await waitFor(() => expect(box.disabled).toBe(true));
    expect(screen.getByRole('timer').textContent).toMatch(/The editor opens in 1 second\./);
    await waitFor(() => expect(box.disabled).toBe(false), { timeout: 3000 });
    expect(screen.getByText('Ready when you are.')).toBeTruthy();
  });

  it('guides a 1★ review through the calm steps; Alt+1 inserts the first suggestion at the cursor and stays; Alt+→ moves on', async () => {
    const { box } = await compose();
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(steps().map((b) => b.textContent?.replace(/^\d/, ''))).toEqual(['Stay calm', 'Thank', 'Empathise', 'Own it', 'Offer', 'Sign', 'Check']);
    fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    expect(currentStep()).toBe('Thank');
    const suggestions = within(detail()).getAllByRole('button', { name: /^Insert suggestion/ });
    expect(suggestions).toHaveLength(3);
    fireEvent.keyDown(box, { key: '1', altKey: true });
    expect(box.value).toMatch(/^Hi John,\n\nThank you/);
    expect(currentStep()).toBe('Thank');
    fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    expect(currentStep()).toBe('Empathise');
    for (let i = 0; i < 4; i++) {
      fireEvent.keyDown(box, { key: '1', altKey: true });
      fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    }
    expect(currentStep()).toBe('Check');
    expect(box.value).toMatch(/sorry[\s\S]*info@zoet\.nl[\s\S]*\n\nKind regards,\nSanne$/);
    expect(screen.getByText('Calm check: nothing to change.')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowLeft', altKey: true });
    expect(currentStep()).toBe('Sign');
  });

  it('highlights calm-check findings live in the backdrop, as text, and clears them', async () => {
    const { box } = await compose();
    fireEvent.change(box, { target: { value: `Hi John, that is not true!! ${XSS}` } });
    const mark = must(detail().querySelector('.lint-mark[data-rule="defensive"]'), 'a defensive mark');
    // The arguing sentence is marked (after the greeting); its "!!" is listed as shouting.
    expect(mark.textContent).toBe('that is not true!!');
    expect(mark.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(detail().querySelector('.lint__item[data-rule="shouting"]')?.textContent).toContain('!!');
    expect(detail().querySelector('img')).toBeNull();
    expect(detail().querySelector('.lint-editor__backdrop')?.textContent).toContain(XSS);
    expect(detail().querySelector('.lint__item[data-rule="defensive"]')?.textContent).toContain('Sounds defensive');
    fireEvent.change(box, { target: { value: 'Hi John, thank you.' } });
    expect(detail().querySelectorAll('.lint-mark--error, .lint-mark--warning')).toHaveLength(0);
  });

  it('offers a calm rewrite for a finding and applies it with one click', async () => {
    const { box } = await compose();
    fireEvent.change(box, { target: { value: 'Hi John,\n\nYou should have read the menu.\n\nSanne' } });
    must(detail().querySelector('.lint-mark[data-rule="lecturing"]'), 'a lecturing mark');
    const item = must(detail().querySelector<HTMLElement>('.lint__item[data-rule="lecturing"]'), 'the finding');
    fireEvent.click(within(item).getAllByRole('button', { name: /^Replace “You should have read the menu\.” with: / })[0] ?? item);
    expect((box as HTMLTextAreaElement).value).toBe('Hi John,\n\nWe will make the menu clearer, so this does not happen to anyone again.\n\nSanne');
    expect(detail().querySelector('.lint-mark[data-rule="lecturing"]')).toBeNull();
  });

  it('blocks queueing while a finding must be fixed', async () => {
    const { box } = await compose();
    fireEvent.change(box, { target: { value: 'Hi John, could you please update your review? Sanne' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    for (const c of within(detail()).getAllByRole('checkbox')) fireEvent.click(c);
    expect(within(detail()).getByRole('button', { name: 'Queue reply' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Fix the points marked “Must fix”/)).toBeTruthy();
  });

  it('rotates suggestions: the phrase used last time is not offered first again', async () => {
    const { box, unmount } = await compose();
    fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    const first = within(detail()).getAllByRole('button', { name: /^Insert suggestion/ })[0]?.textContent;
    fireEvent.keyDown(box, { key: '1', altKey: true });
    expect(JSON.parse(localStorage.getItem(RECENT_PHRASES_KEY) ?? '[]')).toEqual(['en.thank.c1']);
    unmount();
    const again = await compose();
    fireEvent.keyDown(again.box, { key: 'ArrowRight', altKey: true });
    const next = within(detail()).getAllByRole('button', { name: /^Insert suggestion/ })[0]?.textContent;
    expect(next).not.toBe(first);
  });

  it('uses the short flow for praise, quotes what they liked, and the checklist is optional', async () => {
    const { box, fake } = await compose(off, 'google:loc-1:five');
    expect(steps().map((b) => b.textContent?.replace(/^\d/, ''))).toEqual(['Thank', 'What they liked', 'Invite back', 'Sign', 'Check']);
    // The review is Dutch: the reply starts in Dutch, formal by default.
    expect(screen.getByRole('radio', { name: 'Nederlands' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(box, { key: '1', altKey: true });
    expect(box.value).toMatch(/^Beste Anna,\n\nHartelijk dank voor uw/);
    expect(screen.getByText('Greet them by name and thank them for taking the time to write.')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    const liked = within(detail()).getAllByRole('button', { name: /^Insert suggestion/ }).map((b) => b.textContent);
    expect(liked.join(' ')).toContain('heerlijk gegeten');
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(screen.getByText('Optional for a positive review.')).toBeTruthy();
    fireEvent.click(within(detail()).getByRole('button', { name: 'Queue reply' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'outbox.send')).toBe(true));
  });

  it('switches the reply language: suggestions and checks follow', async () => {
    const { box } = await compose();
    expect(screen.getByRole('radio', { name: 'English' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: 'Nederlands' }));
    fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    expect(within(detail()).getAllByRole('button', { name: /^Insert suggestion/ })[0]?.textContent).toMatch(/^1Beste John/);
    fireEvent.change(box, { target: { value: 'Beste John, dat klopt niet.' } });
    expect(detail().querySelector('.lint-mark[data-rule="defensive"]')?.textContent).toBe('dat klopt niet.');
  });

  it('shows a preview of the reply under the review before it is queued', async () => {
    const { box } = await compose({ ...off, businessName: 'Bakkerij Zoet' });
    fireEvent.change(box, { target: { value: 'Hi John,\n\nThank you.\n\nSanne' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    const preview = screen.getByRole('region', { name: 'How it will appear under the review' });
    expect(preview.textContent).toContain('Never again.');
    expect(preview.textContent).toContain('Response from Bakkerij Zoet');
    expect(preview.textContent).toContain('Thank you.');
  });
});

describe('Settings → Reply tone', () => {
  it('saves formality, emoji and the cool-down', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Informal: je' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'settings.update' && JSON.stringify(c.input) === '{"formality":"je"}')).toBe(true));
    fireEvent.click(screen.getByRole('checkbox', { name: /Emoji/ }));
    const seconds = screen.getByLabelText('Pause in seconds');
    fireEvent.change(seconds, { target: { value: '5' } });
    fireEvent.blur(seconds);
    await waitFor(async () => expect(await fake.api.call('settings.get', {})).toMatchObject({ formality: 'je', emojiAllowed: true, coolDown: { enabled: true, seconds: 5 } }));
    fireEvent.change(seconds, { target: { value: '-3' } });
    fireEvent.blur(seconds);
    await waitFor(() => expect((seconds as HTMLInputElement).value).toBe('5'));
    expect(fake.calls.filter((c) => c.name === 'settings.update').map((c) => JSON.stringify(c.input))).not.toContain('{"coolDown":{"enabled":true,"seconds":-3}}');
  });
});

describe('inserting a phrase at the cursor', () => {
  it('adds the right spacing and keeps the text after the cursor', () => {
    expect(insertPhrase('', 0, 0, 'Hi Anna,', 'thank')).toEqual({ text: 'Hi Anna,', cursor: 8 });
    expect(insertPhrase('Hi Anna,\n\nThanks.', 17, 17, 'Sorry.', 'empathise')).toEqual({ text: 'Hi Anna,\n\nThanks. Sorry.', cursor: 24 });
    expect(insertPhrase('Thanks. Bye', 7, 7, 'Sorry.', 'empathise')).toEqual({ text: 'Thanks. Sorry. Bye', cursor: 14 });
    expect(insertPhrase('Thanks.  ', 9, 9, 'Kind regards,\nSanne', 'close').text).toBe('Thanks.\n\nKind regards,\nSanne');
    expect(insertPhrase('Thanks. XX', 8, 10, 'Sorry.', 'empathise').text).toBe('Thanks. Sorry.');
  });
});

describe('templates in the composer', () => {
  it('uses a built-in starter (variants rotate), saves the reply as a template, finds it by search and deletes it', async () => {
    const { box, fake } = await compose();
    fireEvent.click(within(detail()).getByRole('button', { name: 'Templates' }));
    const panel = await screen.findByRole('region', { name: 'Templates' });
    const starter = await within(panel).findByText('Calm reply to criticism');
    fireEvent.click(within(must(starter.closest('li'), 'the starter row')).getByRole('button', { name: 'Use' }));
    expect(box.value).toMatch(/^Hi John,\n\nThank you[\s\S]*\n\nKind regards,\nSanne$/);
    const first = box.value;
    fireEvent.click(within(detail()).getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(box.value).toBe(''));
    fireEvent.click(within(must(starter.closest('li'), 'the starter row')).getByRole('button', { name: 'Use' }));
    expect(box.value).not.toBe(first); // the next variant

    fireEvent.change(box, { target: { value: 'Hi John, thank you. Sanne' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Template name' }), { target: { value: 'Korte dank' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save template' }));
    expect(await within(panel).findByText('Saved as “Korte dank”.')).toBeTruthy();
    fireEvent.change(within(panel).getByRole('searchbox', { name: 'Search templates' }), { target: { value: 'korte' } });
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(1));
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(panel).getByText('No template matches.')).toBeTruthy());
    expect(fake.calls.filter((c) => c.name === 'templates.save').map((c) => c.input)).toEqual([{ name: 'Korte dank', lang: 'en', band: 'criticism', variants: ['Hi John, thank you. Sanne'] }]);
  });
});

describe('offer step without a contact channel', () => {
  it('offers phrases without {contact} and says where to add one', async () => {
    const { box } = await compose({ ...off, contact: '' });
    for (let i = 0; i < 4; i++) fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    expect(steps().find((b) => b.getAttribute('aria-current') === 'step')?.textContent).toContain('Offer');
    const texts = within(detail()).getAllByRole('button', { name: /^Insert suggestion/ }).map((b) => b.textContent ?? '');
    expect(texts).toHaveLength(3);
    for (const t of texts) expect(t).not.toMatch(/[{}]/);
    expect(screen.getByText(/Add your phone, e-mail or contact page in Settings/)).toBeTruthy();
  });
});

describe('calm composer: the reply limit follows the source', () => {
  it('an imported Trustpilot review shows the size without a limit and never blocks a long reply', async () => {
    const tp = review('tp-9', { source: 'trustpilot', locationId: 'trustpilot', id: 'trustpilot:trustpilot:tp-9', rating: 5, text: 'Top!' });
    const sources = [{ id: 'trustpilot', kind: 'file-import' as const, name: 'Trustpilot', state: 'connected' as const, lastSyncAt: null }];
    await renderInbox(createFakeApi({ reviews: [tp, ...inboxReviews], locations, sources, settings: { ...off, signer: 'Sanne' } }));
    fireEvent.click(must(document.querySelector(`[data-review-id="${tp.id}"]`), 'the Trustpilot review'));
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
    const long = `Hi Anna, dank je wel! ${'Fijn dat je langskwam. '.repeat(250)}\n\nSanne`;
    fireEvent.change(box, { target: { value: long } });
    await waitFor(() => expect(detail().querySelector('.size')?.textContent).toBe(`${Array.from(long).length} characters`));
    expect(detail().querySelector('.size')?.getAttribute('title')).toMatch(/no maximum length/);
    expect(detail().querySelector('.lint-mark[data-rule="limit"]')).toBeNull();
  });
});
