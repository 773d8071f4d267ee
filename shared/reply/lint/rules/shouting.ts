/** Shouting: words in capitals and runs of "!!" or "?!". Short acronyms (GPS, BTW, KvK) are left alone. */
import type { LintFinding, LintRule } from '../types';

/** Latin capitals (with accents): a class of ranges is much faster than \\p{Lu}. */
const UP = 'A-ZÀ-ÖØ-ÞŒŠŽŸ';
const caps = new RegExp(`[${UP}]{2,}(?:[ \\t]+[${UP}]{2,})+(?![\\p{L}\\p{N}])|[${UP}]{4,}(?![\\p{L}\\p{N}])`, 'gu');
const letter = /[\p{L}\p{N}]/u;
const marks = /[!?]*!{2,}[!?]*|\?!+|!\?+|\?{3,}/gu;
/** Capital words that are names or acronyms, not shouting. */
const ACRONYMS = new Set(['COVID', 'HTML', 'WIFI', 'IBAN', 'NAVO', 'UWV', 'ANWB', 'IKEA', 'HEMA', 'NASA', 'BTW', 'KVK', 'GPS', 'OK', 'FAQ', 'PDF', 'URL', 'USA', 'EU', 'NL', 'BE', 'UK', 'AM', 'PM', 'TV']);

export const shoutingRule: LintRule = {
  id: 'shouting',
  check(text) {
    const out: LintFinding[] = [];
    caps.lastIndex = 0;
    for (let m = caps.exec(text); m !== null; m = caps.exec(text)) {
      // Inside a word ("McDONALD") or after a digit: not a shouted word.
      if (m.index > 0 && letter.test(text[m.index - 1] ?? '')) continue;
      const words = m[0].split(/[ \t]+/u);
      if (words.every((w) => ACRONYMS.has(w))) continue;
      out.push({ rule: 'shouting', severity: 'warning', start: m.index, end: m.index + m[0].length, key: 'shouting.caps' });
    }
    marks.lastIndex = 0;
    for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
      out.push({ rule: 'shouting', severity: 'warning', start: m.index, end: m.index + m[0].length, key: 'shouting.marks' });
    }
    return out;
  },
};
