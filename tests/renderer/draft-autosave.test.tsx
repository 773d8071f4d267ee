import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../renderer/api-context';
import { AUTOSAVE_MAX_WAIT_MS, AUTOSAVE_MS, AUTOSAVE_RETRY_MS, useDraft } from '../../renderer/features/reply/useDraft';
import { KalmError } from '../../shared/domain/errors';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const fake = createFakeApi({ reviews: inboxReviews, locations });
  const reviewId = inboxReviews[0]!.id;
  const wrapper = ({ children }: { children: ReactNode }) => <ApiContext.Provider value={fake.api}>{children}</ApiContext.Provider>;
  const hook = renderHook(() => useDraft(reviewId), { wrapper });
  const saves = () => fake.calls.filter((c) => c.name === 'drafts.save').map((c) => (c.input as { text: string }).text);
  return { fake, hook, saves };
}

describe('draft autosave', () => {
  it('saves at least every second during continuous typing (max-wait), not only after a pause', async () => {
    const { hook, saves } = setup();
    await act(async () => vi.advanceTimersByTimeAsync(0));
    let typed = '';
    // 5 s of typing, one key every 100 ms (never a 400 ms pause).
    for (let ms = 0; ms < 5_000; ms += 100) {
      typed += 'a';
      act(() => hook.result.current.setText(typed));
      await act(async () => vi.advanceTimersByTimeAsync(100));
    }
    const saved = saves();
    expect(saved.length).toBeGreaterThanOrEqual(4);
    // Every save is at most one second of typing (10 keys) behind: the gaps between saves are ≤ 1 s.
    const lengths = saved.map((t) => t.length);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]! - lengths[i - 1]!).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS / 100);
    expect(typed.length - lengths.at(-1)!).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS / 100);
  });

  it('still saves once after a pause, and on window close (pagehide) at once', async () => {
    const { hook, saves } = setup();
    await act(async () => vi.advanceTimersByTimeAsync(0));
    act(() => hook.result.current.setText('Dank'));
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_MS));
    expect(saves()).toEqual(['Dank']);
    act(() => hook.result.current.setText('Dank je'));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(saves()).toEqual(['Dank', 'Dank je']);
  });

  it('a failed save (disk full) is tried again until it lands', async () => {
    const { fake, hook, saves } = setup();
    await act(async () => vi.advanceTimersByTimeAsync(0));
    fake.failNext('drafts.save', new KalmError('storage', 'Kalm could not save drafts/x.json: the disk is full.'));
    act(() => hook.result.current.setText('Sorry voor het wachten'));
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_MS));
    expect(hook.result.current.status).toBe('error');
    await act(async () => vi.advanceTimersByTimeAsync(AUTOSAVE_RETRY_MS));
    expect(saves()).toEqual(['Sorry voor het wachten', 'Sorry voor het wachten']);
    expect(hook.result.current.status).toBe('saved');
  });
});
