/**
 * Personal data in public: phone numbers, e-mail addresses and street addresses. The business's own
 * contact channel (from Settings) is allowed; anything else may be the reviewer's or a colleague's.
 */
import { findAll } from '../match';
import type { LintFinding, LintRule } from '../types';

/** Searched from each "@" outwards (a regex that starts with a character class would try every position). */
const emailLocal = /[\p{L}\p{N}._%+-]/u;
const emailDomain = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** 9+ digits, optionally with a +/00 prefix, spaces, dashes, dots or brackets between them. */
const phone = /(?:\+|\()?\d(?:[\s.()-]{0,2}\d){8,14}(?![\p{L}\p{N}])/gu;
/** Found from the street word's ending and the house number; the name's start is checked in code. */
const streetNl = /(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|dreef|pad|hof|markt|baan)[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z])?(?![\p{L}\p{N}])/gu;
const streetEn = /\d{1,5}[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Dr\.|Boulevard|Blvd\.|Way|Court|Place|Square)(?![\p{L}])/gu;
const wordChar = /[\p{L}\p{N}]/u;
const lower = /[\p{Ll}-]/u;
const upper = /\p{Lu}/u;

function emails(text: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && emailLocal.test(text[start - 1] ?? '')) start--;
    const domain = emailDomain.exec(text.slice(at + 1, at + 256));
    if (start === at || !domain) continue;
    out.push({ rule: 'personal-data', severity: 'warning', start, end: at + 1 + domain[0].length, key: 'personal-data.email' });
  }
  return out;
}

/** Matches not preceded by a letter or digit. */
const atWordStart = (text: string, fs: LintFinding[]): LintFinding[] => fs.filter((f) => f.start === 0 || !wordChar.test(text[f.start - 1] ?? ''));

/** Extends a street ending ("straat 12") back to the capitalised street name ("Dorpsstraat 12"). */
function dutchStreets(text: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (const f of findAll(text, streetNl, { rule: 'personal-data', severity: 'warning', key: 'personal-data.address' })) {
    let start = f.start;
    while (start > 0 && lower.test(text[start - 1] ?? '')) start--;
    if (start > 0 && upper.test(text[start - 1] ?? '')) start--;
    else continue;
    if (start > 0 && wordChar.test(text[start - 1] ?? '')) continue;
    out.push({ ...f, start });
  }
  return out;
}

const digits = (s: string): string => s.replace(/\D/g, '');
const norm = (s: string): string => s.trim().toLowerCase();

export const personalDataRule: LintRule = {
  id: 'personal-data',
  check(text, { allowedContacts = [] }) {
    const allowedText = allowedContacts.map(norm).filter((c) => c !== '');
    const allowedDigits = allowedContacts.map(digits).filter((d) => d.length >= 6);
    const isAllowed = (f: LintFinding): boolean => {
      const found = text.slice(f.start, f.end);
      if (allowedText.some((c) => c.includes(norm(found)))) return true;
      const d = digits(found);
      return d.length >= 6 && f.key === 'personal-data.phone' && allowedDigits.some((a) => a.endsWith(d.replace(/^(?:00|0)/, '')) || d.endsWith(a.replace(/^(?:00|0)/, '')));
    };
    const found = [
      ...emails(text),
      ...atWordStart(text, findAll(text, phone, { rule: 'personal-data', severity: 'warning', key: 'personal-data.phone' })),
      ...dutchStreets(text),
      ...atWordStart(text, findAll(text, streetEn, { rule: 'personal-data', severity: 'warning', key: 'personal-data.address' })),
    ];
    return found.filter((f) => !isAllowed(f));
  },
};
