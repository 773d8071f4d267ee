import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi } from './fake-api';

const problem = {
  file: 'reviews/google--gent.json',
  kind: 'quarantined' as const,
  reason: 'reviews/google--gent.json is not valid JSON (Unexpected end of JSON input)',
  movedTo: 'quarantine/reviews__google--gent.json.2026-11-24T10-00-00-000Z',
  at: '2026-11-24T10:00:00.000Z',
};

describe('data-folder problems', () => {
  it('shows which file could not be used and why', async () => {
    const fake = createFakeApi({ problems: [problem] });
    render(<App api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('reviews/google--gent.json');
    expect(alert.textContent).toContain('is not valid JSON');
    expect(alert.textContent).toContain('kalm doctor');
  });

  it('shows nothing when the folder is healthy, and a problem reported while running', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    await screen.findByText(/No reviews yet/);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => fake.emit('store.problem', { ...problem, kind: 'write-failed', reason: 'Kalm could not save reviews/google--gent.json: disk full' }));
    expect((await screen.findByRole('alert')).textContent).toContain('disk full');
  });
});
