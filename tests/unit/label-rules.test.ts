import { describe, expect, it } from 'vitest';
import { LabelRule, type LabelRuleInput } from '../../shared/labels/label-schema';
import { applyRules, compileRule, previewRule, ruleHasCondition, wordsOf, type RuleReview } from '../../shared/labels/rules';

const rule = (r: Partial<LabelRuleInput> & { labelId: string }): LabelRule => LabelRule.parse({ id: `r-${r.labelId}`, ...r });
const review = (r: Partial<RuleReview>): RuleReview => ({ text: null, translatedText: null, rating: 3, source: 'google', locationId: 'loc-1', labels: [], ...r });
const run = (rules: LabelRule[], r: RuleReview) => applyRules(rules.map(compileRule), r);

describe('auto-label rules', () => {
  it('matches whole words without case or accents, in Dutch and English', () => {
    const koffie = rule({ labelId: 'coffee', words: ['koffie', 'coffee', 'café'] });
    expect(run([koffie], review({ text: 'De KOFFIE was koud.' }))).toEqual(['coffee']);
    expect(run([koffie], review({ text: 'Lovely Coffee!' }))).toEqual(['coffee']);
    expect(run([koffie], review({ text: 'Gezellig cafe aan de gracht' }))).toEqual(['coffee']);
    // Whole words only: "koffiemachine" and "coffees" are other words.
    expect(run([koffie], review({ text: 'De koffiemachine was stuk' }))).toBeNull();
    expect(run([rule({ labelId: 'x', words: ['een'] })], review({ text: 'Één ster, jammer' }))).toEqual(['x']);
    expect(run([rule({ labelId: 'x', words: ['Één'] })], review({ text: 'een ster' }))).toEqual(['x']);
    expect(run([rule({ labelId: 'x', words: ['creme brulee'] })], review({ text: 'De crème brûlée!' }))).toEqual(['x']);
    expect(run([rule({ labelId: 'x', words: ['brulee creme'] })], review({ text: 'De crème brûlée!' }))).toBeNull();
    expect(run([rule({ labelId: 'x', words: ["don't"] })], review({ text: 'I DON’T like it' }))).toEqual(['x']);
    // The source's translation counts too.
    expect(run([koffie], review({ text: 'Le café était froid', translatedText: 'The coffee was cold' }))).toEqual(['coffee']);
    expect(wordsOf('Zo’n "broodje", ja!')).toEqual(["zo'n", 'broodje', 'ja']);
  });

  it('checks rating ranges, sources and locations; rating-only rules skip reviews without a rating', () => {
    const low = rule({ labelId: 'low', minRating: 1, maxRating: 2 });
    expect(run([low], review({ rating: 1 }))).toEqual(['low']);
    expect(run([low], review({ rating: 2 }))).toEqual(['low']);
    expect(run([low], review({ rating: 3 }))).toBeNull();
    expect(run([low], review({ rating: null }))).toBeNull();
    const atLeast4 = rule({ labelId: 'happy', minRating: 4 });
    expect(run([atLeast4], review({ rating: 5 }))).toEqual(['happy']);
    expect(run([atLeast4], review({ rating: 3 }))).toBeNull();
    const here = rule({ labelId: 'utrecht', sources: ['google'], locationIds: ['loc-2'] });
    expect(run([here], review({ locationId: 'loc-2' }))).toEqual(['utrecht']);
    expect(run([here], review({ locationId: 'loc-1' }))).toBeNull();
    expect(run([here], review({ source: 'play', locationId: 'loc-2' }))).toBeNull();
    const both = rule({ labelId: 'cold', words: ['koud'], maxRating: 2 });
    expect(run([both], review({ text: 'koud', rating: 4 }))).toBeNull();
    expect(run([both], review({ text: 'koud', rating: 2 }))).toEqual(['cold']);
  });

  it('runs rules in order, adds each label once, keeps existing labels, and is idempotent', () => {
    const rules = [rule({ labelId: 'b', words: ['brood'] }), rule({ labelId: 'a', maxRating: 2 }), rule({ labelId: 'b', maxRating: 1 })];
    const r = review({ text: 'Oud brood', rating: 1, labels: ['manual'] });
    const first = run(rules, r);
    expect(first).toEqual(['manual', 'b', 'a']);
    expect(run(rules, { ...r, labels: first ?? [] })).toBeNull();
    expect(run([rules[1] as LabelRule, rules[0] as LabelRule], r)).toEqual(['manual', 'a', 'b']);
    expect(run([rule({ labelId: 'a', maxRating: 2, enabled: false })], r)).toBeNull();
  });

  it('previews how many reviews a rule hits and how many it would change', () => {
    const rules = rule({ labelId: 'cold', words: ['koud', 'cold'] });
    const list = [review({ text: 'koud' }), review({ text: 'Cold!', labels: ['cold'] }), review({ text: 'warm' })];
    expect(previewRule(rules, list)).toEqual({ matches: 2, wouldAdd: 1 });
    expect(ruleHasCondition(rule({ labelId: 'x' }))).toBe(false);
    expect(ruleHasCondition(rule({ labelId: 'x', words: [' ! '] }))).toBe(false);
    expect(ruleHasCondition(rule({ labelId: 'x', minRating: 1 }))).toBe(true);
  });
});
