/**
 * The reviewer's personal data in public: their phone number, e-mail, street address, order or booking
 * number, health details. Must fix (it is their data, and everyone can read it). Never flagged: the
 * business's contact from Settings, role addresses (info@, service@, klantenservice@, care@, support@ …),
 * and a number or address the reply offers as the business's own ("bel ons op …", "call us on …").
 */
import { findAll } from '../match';
import type { LintFinding, LintRule } from '../types';
import { healthHits, orderHits } from './personal-details';

/** Searched from each "@" outwards (a regex that starts with a character class would try every position). */
const emailLocal = /[\p{L}\p{N}._%+-]/u;
const emailDomain = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** 9+ digits, optionally with a +/00 prefix, spaces, dashes, dots or brackets between them. */
const phone = /(?:\+|\()?\d(?:[\s.()-]{0,2}\d){8,14}(?![\p{L}\p{N}])/gu;
/** Found from the street word's ending and the house number; the name's start is checked in code. */
const streetNl = /(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|dreef|pad|hof|markt|baan|lei|steenweg|dam|veld|park|ring)[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z])?(?![\p{L}\p{N}])/gu;
const streetEn = /\d{1,5}[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Dr\.|Boulevard|Blvd\.|Way|Court|Place|Square)(?![\p{L}])/gu;
const wordChar = /[\p{L}\p{N}]/u;
const lower = /[\p{Ll}-]/u;
const upper = /\p{Lu}/u;

/** Mailboxes of a role or team, not of a person. */
const ROLE_MAILBOXES = new Set(
  'info service services support care help helpdesk hello hallo hi contact klantenservice klantcontact customerservice customercare webcare sales verkoop office kantoor team admin administratie reservations reservation reserveringen reservering booking bookings boekingen orders order bestellingen bestelling receptie reception frontdesk welkom welcome mail post feedback klachten complaints service-desk servicedesk noreply no-reply shop winkel events press pers hr jobs vacatures finance facturen billing invoices privacy'.split(
    ' ',
  ),
);
const isRoleMailbox = (local: string): boolean => {
  const l = local.toLowerCase();
  return ROLE_MAILBOXES.has(l) || ROLE_MAILBOXES.has(l.split(/[._+-]/u)[0] ?? '');
};

function emails(text: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && emailLocal.test(text[start - 1] ?? '')) start--;
    const domain = emailDomain.exec(text.slice(at + 1, at + 256));
    if (start === at || !domain) continue;
    if (isRoleMailbox(text.slice(start, at))) continue;
    out.push({ rule: 'personal-data', severity: 'error', start, end: at + 1 + domain[0].length, key: 'personal-data.email' });
  }
  return out;
}

/** Matches not preceded by a letter or digit. */
const atWordStart = (text: string, fs: LintFinding[]): LintFinding[] => fs.filter((f) => f.start === 0 || !wordChar.test(text[f.start - 1] ?? ''));

/** Extends a street ending ("straat 12") back to the capitalised street name ("Dorpsstraat 12"). */
function dutchStreets(text: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (const f of findAll(text, streetNl, { rule: 'personal-data', severity: 'error', key: 'personal-data.address' })) {
    let start = f.start;
    while (start > 0 && lower.test(text[start - 1] ?? '')) start--;
    if (start > 0 && upper.test(text[start - 1] ?? '')) start--;
    else continue;
    if (start > 0 && wordChar.test(text[start - 1] ?? '')) continue;
    out.push({ ...f, start });
  }
  return out;
}

/**
 * The business offering its own channel just before the number or address: "bel ons op", "call us on",
 * "our number", "te vinden op", "visit us at", "mail naar", "klantenservice:". A reviewer's data comes
 * with "your", "uw", "je" or "we called you on" instead.
 */
const OURS = [
  '(?:us|ons|onze|our|we|wij|ik|me|mij)',
  '(?:call|phone|ring|text|whatsapp|app|mail|e-?mail|write|reach|contact|bel|sms|stuur|schrijf|bereik|mailen|bellen|appen|bezoek|visit|find|vind|bereikbaar|te vinden|gevestigd|located|shop|winkel|zaak|bakkerij|restaurant|hotel|kantoor|office|klantenservice|service|webcare|helpdesk|support|receptie|reception|afdeling|team|store|branch|filiaal|locatie|welcome|welkom|drop by|come by|pop in|stop by|langs|langskomen)',
];
const THEIRS = [
  '(?:your|uw|uwe|je|jouw|you|u)(?: own| eigen)?',
  // Sent or delivered to it, called on it: the reviewer's.
  '(?:gestuurd|verstuurd|gemaild|gebeld|teruggebeld|ge-?appt|bezorgd|geleverd|afgeleverd|verzonden|beantwoord|geantwoord|geschreven|sent|mailed|e-?mailed|called|phoned|texted|delivered|shipped|posted|replied|answered|wrote|written|responded)(?: it| het| hem| them| de [a-z]+| the [a-z]+)? (?:naar|op|aan|to|at|on)',
];
/** One ASCII regex for both (no Unicode flag: it runs for every candidate, and these words are plain ASCII). */
const owners = new RegExp(`\\b(?:(${OURS.join('|')})|(${THEIRS.join('|')}))\\b`, 'gi');

/** Who the data belongs to, judged from the 60 characters before it in the same sentence. */
function ownerOf(text: string, start: number): 'business' | 'reviewer' | 'unknown' {
  let from = Math.max(0, start - 60);
  // The sentence starts after the last . ? ! or line break in those 60 characters (looked for there only,
  // not back through the whole reply).
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x0a || c === 0x3f || c === 0x21) {
      from = i + 1;
      break;
    }
  }
  const before = text.slice(from, start);
  let owner: 'business' | 'reviewer' | 'unknown' = 'unknown';
  owners.lastIndex = 0;
  // Overlapping words ("je" in "jouw") cannot both match at one place: the last word wins.
  for (let m = owners.exec(before); m !== null; m = owners.exec(before)) owner = m[1] !== undefined ? 'business' : 'reviewer';
  return owner;
}

/** "…, where our shop is" / "…, waar onze winkel zit": the business's own address. */
const oursAfterRe = /^[^.!?\n]{0,6}\b(?:where (?:our|we)|waar (?:onze|ons|wij|we))\b/iu;
const oursAfter = (text: string, end: number): boolean => oursAfterRe.test(text.slice(end, end + 40));

const digits = (s: string): string => s.replace(/\D/g, '');
const norm = (s: string): string => s.trim().toLowerCase();
const domainOf = (s: string): string | null => /@([\p{L}\p{N}.-]+\.[\p{L}]{2,})/u.exec(s)?.[1]?.toLowerCase() ?? /(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,})/u.exec(s)?.[1]?.toLowerCase() ?? null;

export const personalDataRule: LintRule = {
  id: 'personal-data',
  check(text, { allowedContacts = [], lang }) {
    const allowedText = allowedContacts.map(norm).filter((c) => c !== '');
    const allowedDigits = allowedContacts.map(digits).filter((d) => d.length >= 6);
    // Other addresses at the business's own domain (from the Settings contact) are the business's too.
    const allowedDomains = allowedContacts.map(domainOf).filter((d): d is string => d !== null);
    const isAllowed = (f: LintFinding): boolean => {
      const found = text.slice(f.start, f.end);
      if (allowedText.some((c) => c.includes(norm(found)))) return true;
      if (f.key === 'personal-data.email' && allowedDomains.some((d) => norm(found).endsWith(`@${d}`))) return true;
      const d = digits(found);
      return d.length >= 6 && f.key === 'personal-data.phone' && allowedDigits.some((a) => a.endsWith(d.replace(/^(?:00|0)/, '')) || d.endsWith(a.replace(/^(?:00|0)/, '')));
    };
    const contacts = [
      ...emails(text),
      ...atWordStart(text, findAll(text, phone, { rule: 'personal-data', severity: 'error', key: 'personal-data.phone' })),
      ...dutchStreets(text),
      ...atWordStart(text, findAll(text, streetEn, { rule: 'personal-data', severity: 'error', key: 'personal-data.address' })),
    ].filter((f) => !isAllowed(f) && ownerOf(text, f.start) !== 'business' && !oursAfter(text, f.end));
    return [...contacts, ...orderHits(text), ...healthHits(text, lang)];
  },
};
