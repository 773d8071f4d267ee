/**
 * More than one apology per reply: once sounds sincere, twice sounds like a form letter. The sentence of
 * each later apology is marked (a rewrite owns it instead, or leaves it out).
 */
import { anyOf, matchAll, sentenceSpan } from '../match';
import type { LintFinding, LintRule } from '../types';

const en = anyOf(['sorry', 'apologi[sz](?:e|es|ed|ing)', 'apolog(?:y|ies)', 'we regret', 'forgive us']);
const nl = anyOf(['sorry', 'excuses', 'excuus', 'excuseer', 'verontschuldig(?:en|ingen|t)?', 'het spijt (?:ons|me|mij)', 'spijt het (?:ons|me|mij)']);

export const apologyRule: LintRule = {
  id: 'apology',
  check(text, { lang }) {
    const re = lang === 'nl' ? nl : en;
    const out: LintFinding[] = [];
    let seen = 0;
    for (const m of matchAll(text, re)) {
      seen++;
      if (seen < 2) continue;
      const s = sentenceSpan(text, m.index);
      if (out[out.length - 1]?.start === s.start) continue;
      out.push({ rule: 'apology', severity: 'warning', start: s.start, end: s.end, key: 'apology', params: { count: seen } });
    }
    return out;
  },
};
