/**
 * Small regex helpers the rules share. Word edges are Unicode-aware (JS `\b` is ASCII-only).
 * The left edge is checked in code rather than with a leading lookbehind: a regex that starts with
 * a lookbehind cannot skip ahead to its first letters and runs many times slower (the large sentence
 * alternations, which cannot skip ahead anyway, are the exception: see `anyOfLower`).
 */
import type { LintFinding, LintRuleId, Severity } from './types';

/** End of a word: not followed by a letter or digit. */
export const W1 = '(?![\\p{L}\\p{N}])';
const wordChar = /[\p{L}\p{N}]/u;

/** `wordChar` on the code unit before `index`, without the regex for ASCII (most text, and most rejected matches). */
function letterOrDigitBefore(text: string, index: number): boolean {
  const c = text.charCodeAt(index - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return wordChar.test(text[index - 1] ?? '');
}

/** Regexes whose matches must start at a word edge. */
const wordRegexes = new WeakSet<RegExp>();

/** One case-insensitive, Unicode regex that matches any of `phrases` (regex source) as whole words. */
export function anyOf(phrases: readonly string[], flags = 'giu', prefix = ''): RegExp {
  const re = new RegExp(`${prefix}(?:${phrases.join('|')})${W1}`, flags);
  wordRegexes.add(re);
  return re;
}

/** Every match of a global regex (whole words only for `anyOf` regexes); `first`: stop at the first. */
export function matchAll(text: string, re: RegExp, first = false): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const words = wordRegexes.has(re);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '' || (words && m.index > 0 && letterOrDigitBefore(text, m.index))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (first) break;
  }
  return out;
}

/** True when `re` matches somewhere in `text` (word edges as in `matchAll`); stops at the first match. */
export const matchesIn = (text: string, re: RegExp): boolean => matchAll(text, re, true).length > 0;

/** Every match of a global regex as a finding. */
export function findAll(
  text: string,
  re: RegExp,
  make: { rule: LintRuleId; severity: Severity; key: string },
  params?: (m: RegExpExecArray) => Record<string, string | number>,
): LintFinding[] {
  return matchAll(text, re).map((m) => ({ ...make, start: m.index, end: m.index + m[0].length, ...(params ? { params: params(m) } : {}) }));
}

/** . ! ? and a line break end a sentence (char codes: compared without building strings). */
const isSentenceEnd = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a;

/** The sentence (up to . ! ? or a line break) around `index`. */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  let end = index;
  while (end < text.length && !isSentenceEnd(text.charCodeAt(end))) end++;
  return { start, end };
}

/** "Hi John, ", "Beste mevrouw De Vries, ": a greeting before the first comma of a sentence. */
const greetingPrefix = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|beste|hallo|hoi|dag|geachte|lieve|goedemorgen|goedemiddag|goedenavond|goedendag)(?: [\p{L}.'-]+){0,4}, /iu;

/** The whole sentence around `index`, without its leading space, with its closing marks (". ", "!?"): what a rewrite replaces. */
export function sentenceSpan(text: string, index: number): { start: number; end: number } {
  let { start, end } = sentenceAround(text, index);
  // Char codes first: a regex test per character costs more than the scan itself.
  while (start < index && isSpace(text, start)) start++;
  // A greeting on the same line ("Hi John, that is not true!") is not part of the sentence: a rewrite keeps it.
  // Every greeting ends in ", ": without a comma before `index` there is none to look for.
  const comma = text.indexOf(',', start);
  if (comma !== -1 && comma < index) {
    const greeting = greetingPrefix.exec(text.slice(start, index));
    if (greeting) start += greeting[0].length;
  }
  while (end < text.length && isClosingMark(text.charCodeAt(end))) end++;
  // A closing quote or bracket belongs to the sentence too.
  while (end < text.length && isClosingQuote(text.charCodeAt(end))) end++;
  return { start, end };
}

/** `/\s/u` on one character, without the regex for the common ASCII cases. */
const isSpace = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  return c > 0x7f && /\s/u.test(text[i] ?? '');
};
/** . ! ? … */
const isClosingMark = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
/** " ” ’ ) */
const isClosingQuote = (c: number): boolean => c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29;

/** "not", "geen", "never" … up to three words before `index` in its clause: "it was not (at all) your fault", "geen schuld van u". */
const NEGATIONS = new Set(['not', 'never', 'no', 'none', 'niet', 'geen', 'nooit', 'geenszins', 'allerminst', 'nie']);
export function isNegated(text: string, index: number): boolean {
  const clause = text.slice(Math.max(0, index - 40), index).split(/[.,;:!?\n]/u).pop() ?? '';
  const words = clause.toLowerCase().split(/[^\p{L}']+/u).filter((w) => w !== '').slice(-4);
  return words.some((w) => NEGATIONS.has(w) || w.endsWith("n't"));
}

/**
 * Findings that cover the whole sentence of each hit (one per sentence): the sentences that hurt are
 * marked as a whole, and a calm rewrite replaces the sentence. `keep` can drop a hit (e.g. a negation).
 */
export function sentenceFindings(
  text: string,
  hits: readonly { index: number; key: string }[],
  rule: LintRuleId,
  severity: Severity,
): LintFinding[] {
  const out: LintFinding[] = [];
  for (const hit of [...hits].sort((a, b) => a.index - b.index)) {
    const last = out[out.length - 1];
    if (last && hit.index < last.end) continue;
    const s = sentenceSpan(text, hit.index);
    out.push({ rule, severity, start: s.start, end: s.end, key: hit.key });
  }
  return out;
}

/** Every match of several keyed regexes as `{index, key}` hits, optionally dropping negated ones. */
export function hitsOf(text: string, patterns: readonly (readonly [RegExp, string])[], skipNegated = false): { index: number; key: string }[] {
  const out: { index: number; key: string }[] = [];
  for (const [re, key] of patterns) {
    for (const m of matchAll(text, re)) if (!(skipNegated && isNegated(text, m.index))) out.push({ index: m.index, key });
  }
  return out;
}

/**
 * Case-sensitive variant of `anyOf`, for text from `lowerOf` (a Unicode regex without the i flag runs several times faster).
 * `skipInWords`: start with a cheap ASCII lookbehind that skips positions inside a word. It finds exactly the same
 * matches (`matchAll` drops those positions anyway) and makes the large sentence alternations, which try every
 * alternative at every position, a third to a half faster; small lists run slower with it, so it is opt-in.
 */
export const anyOfLower = (phrases: readonly string[], { skipInWords = false } = {}): RegExp => anyOf(phrases, 'gu', skipInWords ? '(?<![a-z0-9])' : '');

let lastText = '';
let lastLower = '';
/** A capital's lower case, kept only when it has the same length (offsets stay the same). */
const lowerSameLength = (c: string): string => {
  const l = c.toLowerCase();
  return l.length === c.length ? l : c;
};
const capital = /\p{Lu}/u;

/**
 * The text in lower case with every offset unchanged (a capital whose lower case is longer stays as it
 * is), for the `anyOfLower` rules. One entry is cached: all rules check the same reply in turn.
 * `toLowerCase` does the whole text at once; each non-ASCII character it changed is checked against the
 * one-capital-at-a-time rule, and the slow path taken if any differs.
 */
export function lowerOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = fastLower(text) ?? text.replace(/\p{Lu}/gu, lowerSameLength);
  }
  return lastLower;
}

/** `text.toLowerCase()` when it equals the per-capital lower case, else null (then the caller takes the slow path). */
function fastLower(text: string): string | null {
  const all = text.toLowerCase();
  if (all.length !== text.length) return null;
  // ASCII is the same either way; a non-ASCII code unit that changed must be a single capital lowered in place.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || all.charCodeAt(i) === c) continue;
    if (c >= 0xd800 && c <= 0xdfff) return null;
    const ch = text[i] ?? '';
    if (!capital.test(ch) || all[i] !== lowerSameLength(ch)) return null;
  }
  return all;
}
