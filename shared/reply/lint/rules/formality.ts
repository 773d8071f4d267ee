/**
 * Dutch only: a reply uses formal "u" or informal "je", never both. When the business chose one,
 * words of the other form are flagged too.
 */
import { anyOf, matchAll, matchesIn } from '../match';
import type { Formality, LintFinding, LintRule } from '../types';

const informal = anyOf(['je', 'jij', 'jou', 'jouw', 'jezelf', 'jouwe', 'jullie']);
/** "U" and "Uw" at a sentence start count; a "U" inside a code such as "U2" does not (word edges exclude digits). */
const formalCi = anyOf(['u', 'uw', 'uzelf']);
/** Flemish "ge/gij": its object and possessive forms are "u" and "uw" ("ge zijt welkom, we zien u graag"), so those do not mix. */
const flemishGe = anyOf(['ge', 'gij', 'gijzelf']);

const collect = (text: string, re: RegExp): { start: number; end: number }[] =>
  matchAll(text, re).map((m) => ({ start: m.index, end: m.index + m[0].length }));

export const formalityRule: LintRule = {
  id: 'formality',
  check(text, { lang, formality }) {
    if (lang !== 'nl') return [];
    const u = matchesIn(text, flemishGe) ? [] : collect(text, formalCi);
    // "jullie" is plural and fine next to either form; only the singular informal words count.
    const je = collect(text, informal).filter((r) => text.slice(r.start, r.end).toLowerCase() !== 'jullie');
    const chosen: Formality | null = formality ?? null;
    const mixed = u.length > 0 && je.length > 0;
    let wrong: { start: number; end: number }[];
    let other: Formality;
    if (chosen !== null) {
      other = chosen === 'u' ? 'je' : 'u';
      wrong = chosen === 'u' ? je : u;
    } else if (mixed) {
      // No setting: the less used form is the odd one out.
      other = u.length >= je.length ? 'je' : 'u';
      wrong = other === 'je' ? je : u;
    } else return [];
    const key = mixed ? 'formality.mixed' : 'formality.other';
    return wrong.map<LintFinding>((r) => ({
      rule: 'formality', severity: mixed ? 'warning' : 'info', ...r, key,
      params: { used: text.slice(r.start, r.end), form: other === 'u' ? 'je' : 'u' },
    }));
  },
};
