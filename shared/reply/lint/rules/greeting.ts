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

/** Offsets of the first and last non-empty line. */
function lines(text: string): { first: [number, number]; last: [number, number] } | null {
  const re = /[^\n]*\S[^\n]*/g;
  let first: [number, number] | null = null;
  let last: [number, number] | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const span: [number, number] = [m.index + lead, m.index + m[0].trimEnd().length];
    first ??= span;
    last = span;
  }
  return first && last ? { first, last } : null;
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
