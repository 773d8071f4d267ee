import { describe, expect, it } from 'vitest';
import { draftDocFrom, draftDocWithout, othersFor, ownDraftOf } from '../../shared/team/draft-versions';
import { mergeDraftDocs } from '../../shared/team/merge';
import type { DraftDoc } from '../../shared/team/team-docs';
import type { Draft } from '../../shared/domain/draft';

const draft = (text: string, at: string): Draft => ({ schemaVersion: 1, reviewId: 'r', text, reviewUpdatedAt: '2026-01-01T00:00:00.000Z', createdAt: at, updatedAt: at });
const t = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

describe('a review draft with versions of several members (pure)', () => {
  it('a save keeps the other member\'s different text beside it; the same member\'s later save replaces hers', () => {
    const anna = draftDocFrom(draft('Anna 1', t(1)), null, 'anna');
    const bram = draftDocFrom(draft('Bram 1', t(2)), anna, 'bram');
    expect(bram.by).toBe('bram');
    expect(bram.others).toEqual([{ by: 'anna', text: 'Anna 1', updatedAt: t(1) }]);
    const anna2 = draftDocFrom(draft('Anna 2', t(3)), bram, 'anna');
    expect([anna2.by, anna2.draft.text, anna2.others]).toEqual(['anna', 'Anna 2', [{ by: 'bram', text: 'Bram 1', updatedAt: t(2) }]]);
    expect(ownDraftOf(anna2, 'bram').text).toBe('Bram 1');
    expect(othersFor(anna2, 'bram')).toEqual([{ by: 'anna', text: 'Anna 2', updatedAt: t(3) }]);
    // Anna again, alone: no version of hers beside her own.
    expect(draftDocFrom(draft('Anna 3', t(4)), anna2, 'anna').others.map((o) => o.by)).toEqual(['bram']);
  });

  it('saving the team\'s text unchanged adds no version; a save with another member\'s text keeps one of them', () => {
    const anna = draftDocFrom(draft('Same', t(1)), null, 'anna');
    expect(draftDocFrom(draft('Same', t(2)), anna, 'bram')).toEqual(anna);
    const withBram = draftDocFrom(draft('Bram', t(2)), anna, 'bram');
    const took = draftDocFrom(draft('Bram', t(3)), withBram, 'anna'); // Anna took Bram's text
    expect(took.others).toEqual([]);
  });

  it('a discard drops only that member\'s version (and a version with the text she queued); none left: the document goes', () => {
    const both = draftDocFrom(draft('Bram', t(2)), draftDocFrom(draft('Anna', t(1)), null, 'anna'), 'bram');
    const annaGone = draftDocWithout(both, 'anna', t(3), null);
    expect(annaGone).toMatchObject({ by: 'bram', others: [], discarded: { anna: t(3) } });
    expect(draftDocWithout(both, 'anna', t(3), 'Bram')).toBeNull();
    expect(draftDocWithout(annaGone!, 'bram', t(4), null)).toBeNull();
  });

  it('merges are the same in any order, keep each member\'s latest text and never bring back a discarded version', () => {
    const a1 = draftDocFrom(draft('Anna 1', t(1)), null, 'anna');
    const b1 = draftDocFrom(draft('Bram 1', t(2)), a1, 'bram');
    const sent = draftDocWithout(b1, 'anna', t(3), 'Anna 1')!; // Anna queued her text as a reply
    const b2 = draftDocFrom(draft('Bram 2', t(4)), b1, 'bram'); // Bram, apart, still had Anna's text beside his
    const c1 = draftDocFrom(draft('Cor 1', t(5)), b1, 'cor');
    const results = permutations<DraftDoc>([sent, b2, c1]).map(mergeDraftDocs);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toEqual({
      type: 'draft', by: 'cor', draft: draft('Cor 1', t(5)),
      others: [{ by: 'bram', text: 'Bram 2', updatedAt: t(4) }],
      discarded: { anna: t(3) },
    });
    // Anna drafts again after her reply went out: her new version is back.
    const a2 = draftDocFrom(draft('Anna 2', t(6)), results[0]!, 'anna');
    expect(mergeDraftDocs([a2, results[0]!]).others.map((o) => [o.by, o.text])).toEqual([['bram', 'Bram 2'], ['cor', 'Cor 1']]);
  });
});
