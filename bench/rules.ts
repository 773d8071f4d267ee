// Auto-label rule preview at 100,000 reviews: the index-based preview against a plain scan of the texts and the old matcher, in the same run.
import { generateDemoWorkspace } from '../shared/demo/generate';
import type { LabelRule } from '../shared/labels/label-schema';
import { previewRuleOnIndex } from '../shared/labels/rule-preview';
import { previewRule } from '../shared/labels/rules';
import { ReviewIndex } from '../shared/reviews/review-index';

const RUNS = 15;
const round2 = (n: number): number => Math.round(n * 100) / 100;

function times(run: () => unknown): number[] {
  for (let i = 0; i < 2; i++) run();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}
const p50 = (t: number[]): number => round2(t[t.length >> 1] ?? NaN);
const p95 = (t: number[]): number => round2(t[Math.min(t.length - 1, Math.ceil(t.length * 0.95) - 1)] ?? NaN);

const rule = (patch: Partial<LabelRule>): LabelRule => ({ id: 'r', labelId: 'bench', enabled: true, words: [], minRating: null, maxRating: null, sources: [], locationIds: [], ...patch });

export function benchRules(): Record<string, number> {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00.000Z'), seed: 20261125, locationCount: 200, reviewCount: 100_000 });
  const reviews = demo.reviews.map((r, i) => (i % 10 === 0 ? { ...r, labels: ['bench'] } : r));
  const ix = new ReviewIndex(reviews);
  // The core builds the word index in the background after loading; a preview finds it ready.
  ix.prepareSearch();
  // The first preview after loading (no review's words split yet), old and new way, on fresh review objects.
  const cold = (preview: (list: typeof reviews) => unknown): number => {
    const fresh = reviews.map((r) => ({ ...r }));
    const start = performance.now();
    preview(fresh);
    return round2(performance.now() - start);
  };
  const freshIndex = new ReviewIndex(reviews.map((r) => ({ ...r })));
  freshIndex.prepareSearch();
  const firstRule = rule({ words: ['brood', 'koffie koud', 'wachten'] });
  const coldIndexed = (() => {
    const start = performance.now();
    previewRuleOnIndex(freshIndex, firstRule);
    return round2(performance.now() - start);
  })();
  const coldPlain = cold((list) => previewRule(firstRule, list));
  const location = demo.locations[3]?.id ?? '';
  const rules = [
    firstRule,
    rule({ minRating: 1, maxRating: 2 }),
    rule({ words: ['parkeren', 'personeel'], maxRating: 3 }),
    rule({ words: ['vriendelijk'], locationIds: [location] }),
    rule({ words: ['croissant'], sources: ['google'], minRating: 4 }),
  ];
  // Baseline: the least a scan must do, read every review's text once and look for one word.
  const scan = times(() => {
    let n = 0;
    for (const r of reviews) if (r.text?.includes('brood')) n++;
    return n;
  });
  const indexed = times(() => rules.map((r) => previewRuleOnIndex(ix, r)));
  const plainMatcher = times(() => rules.map((r) => previewRule(r, reviews)));
  // Each figure is per rule: the five rules ran together.
  const perRule = (t: number[]) => t.map((ms) => ms / rules.length);
  return {
    rule_preview_p50_ms: p50(perRule(indexed)),
    rule_preview_p95_ms: p95(perRule(indexed)),
    rule_preview_plain_matcher_p50_ms: p50(perRule(plainMatcher)),
    rule_preview_text_scan_p50_ms: p50(scan),
    rule_preview_first_ms: coldIndexed,
    rule_preview_first_plain_matcher_ms: coldPlain,
    rule_preview_ratio: round2(p95(perRule(indexed)) / p50(scan)),
  };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) console.log(JSON.stringify(benchRules(), null, 2));
