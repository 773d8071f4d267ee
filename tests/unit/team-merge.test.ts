import { describe, expect, it } from 'vitest';
import { mergeDraftDocs, mergeEntityDocs, mergeReviewDocs, mergeTeamDocs } from '../../shared/team/merge';
import type { DraftDoc, ReviewDoc } from '../../shared/team/team-docs';
import { makeReview } from './helpers';

const reviewDoc = (over: Partial<ReviewDoc> & { updatedAt?: string; note?: string | null }): ReviewDoc => ({
  type: 'review',
  review: makeReview({ externalId: 'x1', updatedAt: over.updatedAt ?? '2026-01-01T10:00:00.000Z', note: over.note ?? null }),
  labelMarks: {},
  noteAt: null,
  noteBy: null,
  noteHistory: [],
  ...over,
});
const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

describe('team merges are deterministic and lose nothing', () => {
  it('review: newer Google updateTime wins, labels are a union of marks with recorded removals, the later note wins and the other is kept', () => {
    const a = reviewDoc({ updatedAt: '2026-01-02T00:00:00.000Z', labelMarks: { vip: { on: true, at: '2026-01-03T00:00:00.000Z', by: 'anna' }, old: { on: false, at: '2026-01-05T00:00:00.000Z', by: 'anna' } }, note: 'Anna says', noteAt: '2026-01-04T00:00:00.000Z', noteBy: 'anna' });
    const b = reviewDoc({ updatedAt: '2026-01-01T00:00:00.000Z', labelMarks: { old: { on: true, at: '2026-01-01T00:00:00.000Z', by: 'bram' }, bug: { on: true, at: '2026-01-02T00:00:00.000Z', by: 'bram' } }, note: 'Bram says', noteAt: '2026-01-05T00:00:00.000Z', noteBy: 'bram' });
    const c = reviewDoc({ updatedAt: '2026-01-03T00:00:00.000Z' });
    const results = permutations([a, b, c]).map(mergeReviewDocs);
    for (const r of results) expect(r).toEqual(results[0]);
    const m = results[0]!;
    expect(m.review.updatedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(m.review.labels).toEqual(['bug', 'vip']);
    expect(m.review.note).toBe('Bram says');
    expect(m.noteHistory).toEqual([{ text: 'Anna says', at: '2026-01-04T00:00:00.000Z', by: 'anna' }]);
  });

  it('drafts: two members drafting the same review keep both texts', () => {
    const draft = (by: string, text: string, at: string): DraftDoc => ({ type: 'draft', by, others: [], draft: { schemaVersion: 1, reviewId: 'r', text, reviewUpdatedAt: at, createdAt: at, updatedAt: at } });
    const a = draft('anna', 'Dank je, Anna', '2026-01-01T10:00:00.000Z');
    const b = draft('bram', 'Dank je, Bram', '2026-01-01T11:00:00.000Z');
    const m = mergeDraftDocs([a, b]);
    expect(mergeDraftDocs([b, a])).toEqual(m);
    expect(m.draft.text).toBe('Dank je, Bram');
    expect(m.others).toEqual([{ by: 'anna', text: 'Dank je, Anna', updatedAt: '2026-01-01T10:00:00.000Z' }]);
  });

  it('templates: the later edit wins and the other version stays in its history', () => {
    const t = (name: string, at: string, by: string) => ({ type: 'template' as const, body: { name }, at, by, history: [] });
    const m = mergeEntityDocs([t('Old', '2026-01-01T00:00:00.000Z', 'anna'), t('New', '2026-01-02T00:00:00.000Z', 'bram')]);
    expect(m.body).toEqual({ name: 'New' });
    expect(m.history).toEqual([{ text: '{"name":"Old"}', at: '2026-01-01T00:00:00.000Z', by: 'anna' }]);
    expect(mergeTeamDocs([t('New', '2026-01-02T00:00:00.000Z', 'bram'), t('Old', '2026-01-01T00:00:00.000Z', 'anna')])).toEqual(m);
  });
});
