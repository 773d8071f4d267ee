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
    act(() => fake.emit('app.storeProblem', { ...problem, kind: 'write-failed', reason: 'Kalm could not save reviews/google--gent.json: disk full' }));
    expect((await screen.findByRole('alert')).textContent).toContain('disk full');
  });

  it('says what was lost and what to do again, and nothing of the kind for a file from a newer Kalm', async () => {
    const signIn = { file: 'google-tokens.json', kind: 'quarantined' as const, reason: 'The saved Google sign-in in google-tokens.json is not valid JSON; it was moved to quarantine/google-tokens.json.2026-11-24T10-00-00-000Z.', movedTo: 'quarantine/google-tokens.json.2026-11-24T10-00-00-000Z', at: '2026-11-24T10:00:00.000Z', lost: 'google-sign-in' as const };
    const newer = { file: 'play-source.json', kind: 'newer-version' as const, reason: 'play-source.json was saved by a newer version of Kalm (format 2); it is left as it is.', movedTo: null, at: '2026-11-24T10:00:00.000Z', lost: 'play-apps' as const };
    const fake = createFakeApi({ problems: [signIn, newer] });
    render(<App api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Google sign-in: connect Google again in Sources');
    expect(alert.textContent).toContain('play-source.json');
    expect(alert.textContent).not.toContain('add your apps again');
  });
});
