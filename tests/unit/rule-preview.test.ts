import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { createRng, type Rng } from '../../shared/demo/random';
import type { Rating, Review } from '../../shared/domain/review';
import type { LabelRule } from '../../shared/labels/label-schema';
import { previewRuleOnIndex } from '../../shared/labels/rule-preview';
import { previewRule, ruleHasCondition, wordsOf } from '../../shared/labels/rules';
import { ReviewIndex } from '../../shared/reviews/review-index';

/** Texts with accents, apostrophes, mixed scripts and odd separators, as rules must see them. */
const TRICKY = [
  'Café crème, CAFÉ! cafe\u0301 naïef — één keer',
  "Don't go, zo'n slechte service; don’t!",
  'ΟΔΟΣ.Α and ΟΔΟΣ ΑΣ·Β Σ',
  'Straße STRASSE İstanbul ǅemal Ⅻ ①②',
  'e-mail: info@bakkerij.nl — 06-12345678 “quoted”',
  'Beste 😍🥐 ever 𝒜𝒷𝒸 broodjes',
  'ＦＵＬＬ ｗｉｄｔｈ ﬁne ﬂour',
  "koffie'koud, koffie''koud; 'brood brood' x'brood koffie’ koud",
  'KOFFIE\nkoud brood-koffie koud.brood wachten (lang) wachten—lang',
];
const OTHER_WORDS = ['brood', 'koffie koud', "don't", 'cafe', 'één', 'zo’n', 'ΟΔΟΣ', 'istanbul', 'fine', 'zzzq', 'e-mail', 'wachten lang', 'Brood, koffie'];

function corpus(rng: Rng, n: number): Review[] {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 5, locationCount: 5, reviewCount: n });
  return demo.reviews.map((r, i) => {
    const out: Review = { ...r, source: i % 7 === 0 ? 'play' : r.source, id: i % 7 === 0 ? `play:${r.locationId}:${r.externalId}` : r.id };
    if (rng.chance(0.1)) out.text = rng.pick(TRICKY);
    if (rng.chance(0.05)) out.translatedText = rng.pick(TRICKY);
    if (rng.chance(0.05)) out.rating = rng.chance(0.3) ? null : (rng.int(1, 5) as Rating);
    if (rng.chance(0.2)) out.labels = ['l1'];
    if (rng.chance(0.03)) out.status = 'deleted';
    return out;
  });
}

function randomRule(rng: Rng, reviews: readonly Review[]): LabelRule {
  const textWords = wordsOf(rng.pick(reviews).text ?? 'brood');
  const words = Array.from({ length: rng.int(0, 3) }, () => {
    if (rng.chance(0.4) || textWords.length === 0) return rng.pick(OTHER_WORDS);
    const at = rng.int(0, textWords.length - 1);
    return textWords.slice(at, at + rng.int(1, 2)).join(' ');
  });
  const min = rng.chance(0.4) ? rng.int(1, 5) : null;
  const max = rng.chance(0.4) ? rng.int(min ?? 1, 5) : null;
  const locations = [...new Set(reviews.map((r) => r.locationId))];
  return {
    id: 'r', labelId: 'l1', enabled: rng.chance(0.8), words, minRating: min, maxRating: max,
    sources: rng.chance(0.2) ? rng.sample(['google', 'play', 'nowhere'], rng.int(1, 2)) : [],
    locationIds: rng.chance(0.2) ? rng.sample(locations, rng.int(1, 2)) : [],
  };
}

describe('rule preview over the index', () => {
  it('counts exactly what the plain rule matcher counts, for random rules, texts and updates', () => {
    const rng = createRng(Number(process.env.KALM_PROPERTY_SEED ?? 20261125));
    const all = corpus(rng, 3000);
    const truth = new Map(all.map((r) => [r.id, r]));
    const ix = new ReviewIndex(all);
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      if (rng.chance(0.2)) {
        const base = rng.pick(all);
        const next = { ...(truth.get(base.id) ?? base), text: rng.pick([...TRICKY, 'Het brood was oud', null]), labels: rng.chance(0.5) ? ['l1'] : [] };
        ix.upsert(next);
        truth.set(next.id, next);
      }
      const rule = randomRule(rng, all);
      if (!ruleHasCondition(rule)) continue;
      checked++;
      expect(previewRuleOnIndex(ix, rule), `round ${round}: ${JSON.stringify(rule)}`).toEqual(previewRule(rule, truth.values()));
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('finds words whole, without case or accents, in the text or its translation', () => {
    const base = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 1, locationCount: 1, reviewCount: 3 }).reviews;
    const [a, b, c] = base.map((r, i) => ({ ...r, id: `x${i}`, labels: [] }));
    if (!a || !b || !c) throw new Error('demo reviews');
    const ix = new ReviewIndex([
      { ...a, text: 'De CAFÉ was dicht', translatedText: null, rating: 2 },
      { ...b, text: 'Cafetaria prima', translatedText: null, rating: 2 },
      { ...c, text: 'The place was closed', translatedText: 'Het café was dicht', rating: 4 },
    ]);
    const rule: LabelRule = { id: 'r', labelId: 'l', enabled: true, words: ['cafe'], minRating: null, maxRating: null, sources: [], locationIds: [] };
    expect(previewRuleOnIndex(ix, rule)).toEqual({ matches: 2, wouldAdd: 2 }); // not "cafetaria"
    expect(previewRuleOnIndex(ix, { ...rule, maxRating: 3 })).toEqual({ matches: 1, wouldAdd: 1 });
    expect(previewRuleOnIndex(ix, { ...rule, words: ['was dicht', 'prima'] })).toEqual({ matches: 3, wouldAdd: 3 });
  });
});
