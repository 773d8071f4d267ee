import { describe, expect, it } from 'vitest';
import { dueAt, isOverdue, targetHours } from '../../shared/reviews/reply-targets';

const at = (iso: string) => Date.parse(iso);

describe('reply targets', () => {
  it('uses 24 h for Google, 48 h for Play and 72 h for any other source', () => {
    expect(targetHours('google')).toBe(24);
    expect(targetHours('play')).toBe(48);
    expect(targetHours('trustpilot')).toBe(72);
    expect(targetHours('google', { google: 4 })).toBe(4);
  });

  it('is overdue only when unanswered past the target', () => {
    const review = { source: 'google', createdAt: '2026-03-01T09:00:00.000Z', status: 'unanswered' as const };
    expect(dueAt(review)).toBe(at('2026-03-02T09:00:00.000Z'));
    expect(isOverdue(review, at('2026-03-02T09:00:00.000Z'))).toBe(false);
    expect(isOverdue(review, at('2026-03-02T09:00:01.000Z'))).toBe(true);
    expect(isOverdue({ ...review, status: 'answered' }, at('2026-04-01T00:00:00.000Z'))).toBe(false);
    expect(isOverdue({ ...review, status: 'queued' }, at('2026-04-01T00:00:00.000Z'))).toBe(true);
  });
});
