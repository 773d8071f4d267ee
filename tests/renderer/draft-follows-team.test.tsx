import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../renderer/api-context';
import { AUTOSAVE_MS, useDraft } from '../../renderer/features/reply/useDraft';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The composer's draft with a fake core; `fromTeam` stores a text as replication from another desktop would, and says so. */
async function setup() {
  const fake = createFakeApi({ reviews: inboxReviews, locations });
  const reviewId = inboxReviews[0]!.id;
  const wrapper = ({ children }: { children: ReactNode }) => <ApiContext.Provider value={fake.api}>{children}</ApiContext.Provider>;
  const fromTeam = async (text: string) => {
    await fake.api.call('drafts.save', { reviewId, text });
    await act(async () => {
      fake.emit('drafts.changed', { reviewId });
      await vi.advanceTimersByTimeAsync(0);
    });
  };
  await fake.api.call('drafts.save', { reviewId, text: 'Anna: sorry for the wait.' });
  const hook = renderHook(() => useDraft(reviewId), { wrapper });
  await act(async () => vi.advanceTimersByTimeAsync(0));
  return { hook, fromTeam };
}

describe('the composer follows a draft changed on another desktop of the team', () => {
  it('shows the stored draft when everything on screen is saved (a teammate\'s draft taken over, versions settled)', async () => {
    const { hook, fromTeam } = await setup();
    expect(hook.result.current.text).toBe('Anna: sorry for the wait.');
    await fromTeam('Anna: sorry for the wait, we are on it.');
    expect(hook.result.current.text).toBe('Anna: sorry for the wait, we are on it.');
    // After a save of its own as well.
    act(() => hook.result.current.setText('Bram: we will call you.'));
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_MS));
    await fromTeam('Anna: settled text.');
    expect(hook.result.current.text).toBe('Anna: settled text.');
  });

  it('never replaces what the member is typing and has not saved yet', async () => {
    const { hook, fromTeam } = await setup();
    act(() => hook.result.current.setText('Bram: we will'));
    await fromTeam('Anna: something else.');
    expect(hook.result.current.text).toBe('Bram: we will');
    // Its autosave still goes out with his text.
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_MS));
    expect(hook.result.current.status).toBe('saved');
    expect(hook.result.current.text).toBe('Bram: we will');
  });
});
