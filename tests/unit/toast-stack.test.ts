import { describe, expect, it } from 'vitest';
import { nextExpiry, stackToasts, TOAST_LIMIT, TOAST_TTL_MS, unexpired } from '../../shared/outbox/toast-stack';

const news = (key: number, at = 0) => ({ key, sticky: false, at });
const problem = (key: number, at = 0) => ({ key, sticky: true, at });
const keys = (xs: { key: number }[]) => xs.map((x) => x.key);

describe('toast stack', () => {
  it('shows at most three, the newest news first to go', () => {
    expect(TOAST_LIMIT).toBe(3);
    expect(keys(stackToasts([news(1), news(2), news(3)], [news(4), news(5)]))).toEqual([3, 4, 5]);
  });

  it('never pushes a failure out for news', () => {
    expect(keys(stackToasts([problem(1), news(2), news(3)], [news(4)]))).toEqual([1, 3, 4]);
    expect(keys(stackToasts([problem(1), problem(2), problem(3)], [news(4)]))).toEqual([1, 2, 3]);
    expect(keys(stackToasts([problem(1), problem(2), problem(3)], [problem(4)]))).toEqual([2, 3, 4]);
  });

  it('news leaves by itself a few seconds after it came; problems stay', () => {
    const shown = [problem(1, 0), news(2, 0), news(3, 2000)];
    expect(nextExpiry(shown, 1000)).toBe(TOAST_TTL_MS - 1000);
    expect(keys(unexpired(shown, TOAST_TTL_MS))).toEqual([1, 3]);
    expect(keys(unexpired(shown, TOAST_TTL_MS + 2000))).toEqual([1]);
    expect(nextExpiry([problem(1)], 0)).toBeNull();
    expect(TOAST_TTL_MS).toBeLessThanOrEqual(6000);
  });
});
