import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore, PAGE } from '../../renderer/features/inbox/inbox-store';
import { DEFAULT_FILTERS } from '../../renderer/lib/route';
import { createFakeApi } from './fake-api';
import { locations, review } from './fixtures';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the inbox store', () => {
  it('loads pages on demand, keeps at most 40 of them while scrolling through, and keeps the selection', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => review(`r${String(i).padStart(4, '0')}`, { rating: 3, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    const fake = createFakeApi({ reviews: many, locations });
    const store = createInboxStore(fake.api);
    const stop = store.start();
    store.setFilters(DEFAULT_FILTERS);
    await settle();
    await settle();
    expect(store.get()).toMatchObject({ status: 'ready', total: 3000, selectedIndex: 0, selectedId: 'google:loc-1:r0000' });
    for (let row = 0; row < 3000; row += PAGE) {
      store.ensure(row, row + 10);
      await settle();
      await settle();
    }
    expect(store.get().pages.size).toBeLessThanOrEqual(40);
    expect(store.itemAt(2999)?.id).toBe('google:loc-1:r2999');
    expect(store.itemAt(0)?.id).toBe('google:loc-1:r0000');
    expect(await store.move('last')).toBe(2999);
    expect(store.get().selectedId).toBe('google:loc-1:r2999');
    stop();
  });

  afterEach(() => vi.useRealTimers());

  it('asks again as the clock runs, so the overdue count turns without any event (as the row badges do)', async () => {
    const t0 = Date.parse('2026-11-24T12:00:00.000Z');
    // Only the interval and the clock are faked: the fake api answers through real promises and timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(t0);
    // A Google review, 24 h target (the default), one minute before it is due.
    const fake = createFakeApi({ reviews: [review('due', { rating: 2, createdAt: new Date(t0 - 24 * 3_600_000 + 60_000).toISOString() })], locations });
    const store = createInboxStore(fake.api, { refreshEveryMs: 60_000 });
    const stop = store.start();
    store.setFilters(DEFAULT_FILTERS);
    await settle();
    await settle();
    expect(store.get().views.overdue).toBe(0);
    vi.setSystemTime(t0 + 2 * 60_000);
    vi.advanceTimersByTime(60_000);
    await settle();
    await settle();
    expect(store.get().views.overdue).toBe(1);
    stop();
    const queries = fake.calls.filter((c) => c.name === 'reviews.query').length;
    vi.advanceTimersByTime(5 * 60_000);
    await settle();
    expect(fake.calls.filter((c) => c.name === 'reviews.query').length).toBe(queries);
  });
});
