/**
 * The shape of a reply: it opens with a greeting (ideally the reviewer's name) and closes with a
 * human sign-off (a first name, `^AB` initials, or the business's signature).
 */
import { anyOf, matchAll, matchesIn } from '../match';
import type { LintRule } from '../types';

const greetEn = anyOf(['hi', 'hello', 'hey', 'dear', 'good (?:morning|afternoon|evening|day)', 'thank you', 'thanks', 'many thanks', 'greetings', 'welcome']);
const greetNl = anyOf(['beste', 'hallo', 'hoi', 'hey', 'dag', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goedendag', 'goeiedag', 'goeiemorgen', 'goeienavond', 'geachte', 'bedankt', 'dank', 'dankjewel', 'dank je', 'dank u', 'hartelijk dank', 'wat fijn', 'lieve']);
const closing = anyOf(['groet(?:en|jes)?', 'regards', 'wishes', 'best', 'cheers', 'sincerely', 'warmly', 'thanks', 'namens', 'team', 'tot (?:ziens|snel|gauw)', 'see you']);
const initials = /^\^\p{Lu}{1,4}\.?$/u;

type Span = [number, number];
const nonSpace = /\S/;

/** The trimmed span of the line `[from, to)` when it has anything but white space. */
function lineSpan(text: string, from: number, to: number): Span | null {
  const line = text.slice(from, to);
  if (!nonSpace.test(line)) return null;
  return [from + line.length - line.trimStart().length, from + line.trimEnd().length];
}

/** Offsets of the first and last non-empty line: found from each end, so only those lines are read. */
function lines(text: string): { first: Span; last: Span } | null {
  let first: Span | null = null;
  for (let from = 0; first === null && from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl;
    first = lineSpan(text, from, to);
    if (nl === -1) break;
    from = nl + 1;
  }
  if (first === null) return null;
  let last: Span | null = null;
  for (let to = text.length; last === null; ) {
    const from = text.lastIndexOf('\n', to - 1) + 1;
    last = lineSpan(text, from, to);
    to = from - 1;
  }
  return { first, last };
}

/** Too short to judge: the owner has only just started. */
const MIN_CHARS = 30;

export const greetingRule: LintRule = {
  id: 'greeting',
  check(text, { lang }) {
    const l = lines(text);
    if (!l || text.trim().length < MIN_CHARS) return [];
    const opening = text.slice(l.first[0], Math.min(l.first[1], l.first[0] + 40));
    const re = lang === 'nl' ? greetNl : greetEn;
    if (matchAll(opening, re)[0]?.index === 0) return [];
    const end = text.slice(l.first[0], l.first[1]).search(/[,.!?]|$/u) + l.first[0];
    return [{ rule: 'greeting', severity: 'info', start: l.first[0], end: Math.max(end, l.first[0] + 1), key: 'greeting' }];
  },
};

export const signOffRule: LintRule = {
  id: 'sign-off',
  check(text, { signature }) {
    const l = lines(text);
    if (!l || text.trim().length < MIN_CHARS || l.first[0] === l.last[0]) {
      // One line only: the sign-off may be at its end ("… ^AB").
      if (!l || text.trim().length < MIN_CHARS) return [];
      if (/\^\p{Lu}{1,4}\.?\s*$/u.test(text)) return [];
      if (signature && text.trimEnd().endsWith(signature.trim())) return [];
      return [{ rule: 'sign-off', severity: 'info', start: l.last[1] - 1, end: l.last[1], key: 'sign-off' }];
    }
    const last = text.slice(l.last[0], l.last[1]);
    const sig = signature?.trim() ?? '';
    const signed =
      initials.test(last) ||
      (sig !== '' && last.includes(sig)) ||
      matchesIn(last, closing) ||
      // A short last line without a full stop: a name ("Sanne", "Sanne, Bakkerij Zonnig").
      (last.length <= 40 && last.split(/\s+/u).length <= 5 && !/[.?]$/u.test(last));
    return signed ? [] : [{ rule: 'sign-off', severity: 'info', start: l.last[0], end: l.last[1], key: 'sign-off' }];
  },
};
