import { describe, expect, it } from 'vitest';
import { recoveredReviewDoc } from '../../shared/team/recovered-edit';
import type { ReviewDoc } from '../../shared/team/team-docs';
import { makeReview } from './helpers';

const base = makeReview({ externalId: 'r1', source: 'trustpilot', locationId: 'shop' });
const teamDoc = (over: Partial<ReviewDoc> & { labels?: string[]; note?: string | null; assignee?: string | null }): ReviewDoc => ({
  type: 'review',
  review: { ...base, labels: over.labels ?? [], note: over.note ?? null, assignee: over.assignee ?? null },
  labelMarks: over.labelMarks ?? {},
  noteAt: over.noteAt ?? null,
  noteBy: over.noteBy ?? null,
  noteHistory: over.noteHistory ?? [],
});
const T1 = '2026-12-01T10:00:00.000Z', T2 = '2026-12-01T10:00:05.000Z', T3 = '2026-12-01T10:00:09.000Z';

describe('recoveredReviewDoc: a review edit a crash kept from the replica, merged with the team document', () => {
  it('wins over an older team version: labels switched as edited, the note dated when it was made', () => {
    const team = teamDoc({ labels: ['a'], labelMarks: { a: { on: true, at: T1, by: 'anna' } }, note: 'eerst', noteAt: T1, noteBy: 'anna' });
    const local = { ...base, labels: ['b'], note: 'later', assignee: 'piet' };
    const doc = recoveredReviewDoc(local, { at: T2, before: { labels: ['a'], note: 'eerst', assignee: null } }, team, 'anna');
    expect(doc.review).toMatchObject({ labels: ['b'], note: 'later', assignee: 'piet' });
    expect(doc.labelMarks).toEqual({ a: { on: false, at: T2, by: 'anna' }, b: { on: true, at: T2, by: 'anna' } });
    expect([doc.noteAt, doc.noteBy]).toEqual([T2, 'anna']);
    expect(doc.noteHistory).toEqual([{ text: 'eerst', at: T1, by: 'anna' }]);
  });

  it('loses to a newer edit of another member; what the edit did not touch stays the team\'s', () => {
    const team = teamDoc({
      labels: ['a', 'c'],
      labelMarks: { a: { on: true, at: T3, by: 'bram' }, c: { on: true, at: T3, by: 'bram' } },
      note: 'van Bram', noteAt: T3, noteBy: 'bram',
    });
    // Anna removed label a and wrote a note at T2; Bram put a back and wrote his note at T3.
    const local = { ...base, labels: [], note: 'van Anna', assignee: null };
    const doc = recoveredReviewDoc(local, { at: T2, before: { labels: ['a'], note: null, assignee: null } }, team, 'anna');
    expect(doc.review).toMatchObject({ labels: ['a', 'c'], note: 'van Bram' });
    expect(doc.noteHistory).toEqual([{ text: 'van Anna', at: T2, by: 'anna' }]);
  });

  it('an edit of labels only leaves the team\'s newer note alone (no stale note in the history)', () => {
    const team = teamDoc({ note: 'van Bram', noteAt: T3, noteBy: 'bram', assignee: 'sanne' });
    const local = { ...base, labels: ['b'], note: null, assignee: null };
    const doc = recoveredReviewDoc(local, { at: T2, before: { labels: [], note: null, assignee: null } }, team, 'anna');
    expect(doc.review).toMatchObject({ labels: ['b'], note: 'van Bram', assignee: 'sanne' });
    expect(doc.noteHistory).toEqual([]);
  });

  it('with no team document the edit is the document', () => {
    const local = { ...base, labels: ['b'], note: 'n', assignee: null };
    const doc = recoveredReviewDoc(local, { at: T2, before: null }, null, 'anna');
    expect(doc.review).toMatchObject({ labels: ['b'], note: 'n' });
    expect(doc.labelMarks).toEqual({ b: { on: true, at: T2, by: 'anna' } });
  });
});
