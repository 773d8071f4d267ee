// The calm check's labelled corpus (bench/calm-corpus/) is well formed and covers what the bench reports on.
// Its accuracy is measured by `npm run bench` (bench/calm-accuracy.ts), not asserted here.
import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, parseCorpus } from '../../bench/calm-accuracy';

const all = [...loadCorpus('dev'), ...loadCorpus('heldout')];

describe('calm corpus', () => {
  it('has 300+ replies in every variety, 100+ of them good replies', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((i) => i.clean).length).toBeGreaterThanOrEqual(100);
    for (const v of ['en', 'nl-u', 'nl-je', 'vl-u', 'vl-je'] as const) expect(all.filter((i) => i.variety === v).length, v).toBeGreaterThan(10);
    expect(loadCorpus('heldout').length).toBeGreaterThan(50);
  });

  it('has positives and near misses for every rule but the size limit', () => {
    for (const rule of ['defensive', 'blame', 'lecturing', 'sarcasm', 'apology', 'shouting', 'tone', 'gendered', 'formality', 'personal-data', 'rating-request', 'greeting', 'sign-off', 'length'] as const) {
      expect(all.filter((i) => i.expect.includes(rule)).length, `${rule} positives`).toBeGreaterThan(1);
      expect(all.filter((i) => i.nearMiss.includes(rule)).length, `${rule} near misses`).toBeGreaterThan(0);
    }
  });

  it('rejects a malformed line with its line number, and counts a miss and a false alarm', () => {
    expect(() => parseCorpus('x.txt', 'en blame The text')).toThrow(/x\.txt:1/);
    expect(() => parseCorpus('x.txt', 'de blame :: Text')).toThrow();
    expect(() => parseCorpus('x.txt', 'en rudeness :: Text')).toThrow();
    const e = evaluate(parseCorpus('x.txt', 'en blame :: We love your cake.\nen clean :: Dear Sir, thank you.\\n\\nSanne'));
    expect(e.perRule.blame).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(e.mustFixRecall).toBe(0);
    expect(e.falseAlarmRate).toBe(1);
  });
});
