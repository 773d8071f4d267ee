// The calm check's accuracy on the labelled corpus in bench/calm-corpus/: per-rule precision and recall,
// recall of the must-fix findings, and false alarms on good replies; for the whole corpus and for the
// held-out part written after the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { lintReply, type LintOptions, type LintRuleId } from '../shared/reply/lint';

const CONTENT_RULES = ['defensive', 'blame', 'lecturing', 'sarcasm', 'apology', 'shouting', 'tone', 'gendered', 'formality', 'personal-data', 'rating-request'] as const;
const SHAPE_RULES = ['greeting', 'sign-off', 'length'] as const;
const RULES: readonly LintRuleId[] = [...CONTENT_RULES, ...SHAPE_RULES];
/** Rules whose every finding must stop the reply ("must fix"). */
export const MUST_FIX: readonly LintRuleId[] = ['defensive', 'blame', 'lecturing', 'sarcasm', 'personal-data', 'rating-request'];

const Variety = z.enum(['en', 'nl-u', 'nl-je', 'vl-u', 'vl-je']);
const Label = z.union([z.literal('clean'), z.enum(RULES as [LintRuleId, ...LintRuleId[]]), z.string().regex(/^~/u)]);

export interface CorpusItem {
  file: string;
  line: number;
  variety: z.infer<typeof Variety>;
  expect: LintRuleId[];
  nearMiss: LintRuleId[];
  clean: boolean;
  text: string;
}

/** The Settings contact every corpus reply is checked with (allowed wherever it appears). */
const CONTACTS = ['sanne@bakkerijzonnig.nl', '+31 20 555 0142'];

export function parseCorpus(file: string, source: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const [i, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+) (\S+) :: (.+)$/u.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: expected "VARIETY LABELS :: TEXT"`);
    const variety = Variety.parse(m[1]);
    const labels = m[2] === '-' ? [] : (m[2] ?? '').split(',').map((l) => Label.parse(l));
    const rule = (l: string): LintRuleId => {
      if (!(RULES as readonly string[]).includes(l)) throw new Error(`${file}:${i + 1}: unknown rule "${l}"`);
      return l as LintRuleId;
    };
    items.push({
      file,
      line: i + 1,
      variety,
      clean: labels.includes('clean'),
      expect: labels.filter((l) => l !== 'clean' && !l.startsWith('~')).map(rule),
      nearMiss: labels.filter((l) => l.startsWith('~')).map((l) => rule(l.slice(1))),
      text: (m[3] ?? '').replace(/\\n/gu, '\n'),
    });
  }
  return items;
}

export function loadCorpus(part: 'dev' | 'heldout'): CorpusItem[] {
  const file = join(import.meta.dirname, 'calm-corpus', `${part}.txt`);
  return parseCorpus(`${part}.txt`, readFileSync(file, 'utf8'));
}

const optionsOf = (item: CorpusItem): LintOptions => ({
  lang: item.variety === 'en' ? 'en' : 'nl',
  formality: item.variety === 'en' ? null : item.variety.endsWith('-u') ? 'u' : 'je',
  allowedContacts: CONTACTS,
  signature: '',
});

/** Whole replies are judged on every rule; sentences only on what they say. */
const judgedRules = (item: CorpusItem): readonly LintRuleId[] =>
  item.clean || [...item.expect, ...item.nearMiss].some((r) => (SHAPE_RULES as readonly string[]).includes(r)) ? RULES : CONTENT_RULES;

export interface Evaluation {
  items: number;
  clean: number;
  perRule: Record<string, { tp: number; fp: number; fn: number; precision: number | null; recall: number | null }>;
  mustFixRecall: number;
  falseAlarmRate: number;
  misses: string[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Number((a / b).toFixed(3)));

export function evaluate(items: readonly CorpusItem[]): Evaluation {
  const counts = Object.fromEntries(RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<string, { tp: number; fp: number; fn: number }>;
  let mustFix = 0;
  let mustFixCaught = 0;
  let clean = 0;
  let alarms = 0;
  const misses: string[] = [];
  for (const item of items) {
    const findings = lintReply(item.text, optionsOf(item));
    const rules = judgedRules(item);
    const fired = new Set(findings.filter((f) => rules.includes(f.rule)).map((f) => f.rule));
    for (const rule of rules) {
      const want = item.expect.includes(rule);
      const got = fired.has(rule);
      const c = counts[rule];
      if (!c) continue;
      if (want && got) c.tp++;
      else if (want) c.fn++;
      else if (got) c.fp++;
      if (want !== got) misses.push(`${item.file}:${item.line} ${rule} ${want ? 'missed' : 'false alarm'}: ${item.text.slice(0, 90).replace(/\n/gu, ' ')}`);
      if (want && MUST_FIX.includes(rule)) {
        mustFix++;
        if (findings.some((f) => f.rule === rule && f.severity === 'error')) mustFixCaught++;
      }
    }
    if (item.clean) {
      clean++;
      if (findings.length > 0) alarms++;
    }
  }
  const perRule = Object.fromEntries(
    Object.entries(counts).map(([rule, c]) => [rule, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }]),
  );
  return { items: items.length, clean, perRule, mustFixRecall: ratio(mustFixCaught, mustFix) ?? 1, falseAlarmRate: ratio(alarms, clean) ?? 0, misses };
}

/** The figures `npm run bench` prints: the whole corpus, and the held-out part on its own. */
export function benchCalmAccuracy(): Record<string, number> {
  const dev = loadCorpus('dev');
  const heldout = loadCorpus('heldout');
  const all = evaluate([...dev, ...heldout]);
  const held = evaluate(heldout);
  const figures: Record<string, number> = {
    calm_corpus_replies: all.items,
    calm_corpus_clean: all.clean,
    calm_recall_must_fix: all.mustFixRecall,
    calm_false_alarm_rate: all.falseAlarmRate,
    calm_heldout_replies: held.items,
    calm_heldout_recall_must_fix: held.mustFixRecall,
    calm_heldout_false_alarm_rate: held.falseAlarmRate,
  };
  for (const [rule, r] of Object.entries(all.perRule)) {
    if (r.precision !== null) figures[`calm_${rule}_precision`] = r.precision;
    if (r.recall !== null) figures[`calm_${rule}_recall`] = r.recall;
  }
  for (const line of all.misses) process.stderr.write(`calm corpus: ${line}\n`);
  return figures;
}
