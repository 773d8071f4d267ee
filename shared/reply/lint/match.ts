/**
 * Small regex helpers the rules share. Word edges are Unicode-aware (JS `\b` is ASCII-only).
 * The left edge is checked in code rather than with a leading lookbehind: a regex that starts with
 * a lookbehind cannot skip ahead to its first letters and runs many times slower.
 */
import type { LintFinding, LintRuleId, Severity } from './types';

/** End of a word: not followed by a letter or digit. */
export const W1 = '(?![\\p{L}\\p{N}])';
const wordChar = /[\p{L}\p{N}]/u;

/** Regexes whose matches must start at a word edge. */
const wordRegexes = new WeakSet<RegExp>();

/** One case-insensitive, Unicode regex that matches any of `phrases` (regex source) as whole words. */
export function anyOf(phrases: readonly string[], flags = 'giu'): RegExp {
  const re = new RegExp(`(?:${phrases.join('|')})${W1}`, flags);
  wordRegexes.add(re);
  return re;
}

/** Every match of a global regex (whole words only for `anyOf` regexes). */
export function matchAll(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const words = wordRegexes.has(re);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '' || (words && m.index > 0 && wordChar.test(text[m.index - 1] ?? ''))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** True when `re` matches somewhere in `text` (word edges as in `matchAll`). */
export const matchesIn = (text: string, re: RegExp): boolean => matchAll(text, re).length > 0;

/** Every match of a global regex as a finding. */
export function findAll(
  text: string,
  re: RegExp,
  make: { rule: LintRuleId; severity: Severity; key: string },
  params?: (m: RegExpExecArray) => Record<string, string | number>,
): LintFinding[] {
  return matchAll(text, re).map((m) => ({ ...make, start: m.index, end: m.index + m[0].length, ...(params ? { params: params(m) } : {}) }));
}

const sentenceEnd = new Set(['.', '!', '?', '\n']);

/** The sentence (up to . ! ? or a line break) around `index`. */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !sentenceEnd.has(text[start - 1] ?? '')) start--;
  let end = index;
  while (end < text.length && !sentenceEnd.has(text[end] ?? '')) end++;
  return { start, end };
}
