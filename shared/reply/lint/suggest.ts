/**
 * A calm rewrite for each finding, in the reply's language and form of address: the text that replaces
 * `text.slice(finding.start, finding.end)` ("" removes it). Sentences that hurt get a whole calm
 * sentence; a shouted word gets its quiet form; the reviewer's data gets a neutral word in its place.
 */
import { REWRITES, SLANG, TOPICS, type Voice } from './rewrites';
import type { Formality, LintFinding, LintOptions } from './types';

const U_WORDS = /(?<![\p{L}\p{N}])(?:u|uw|uzelf)(?![\p{L}\p{N}])/giu;
const JE_WORDS = /(?<![\p{L}\p{N}])(?:je|jij|jou|jouw|jezelf)(?![\p{L}\p{N}])/giu;

/** The Dutch form of address of the reply: the business's choice, else the one the reply uses most (u when in doubt). */
export function voiceOf(text: string, options: LintOptions): Voice {
  if (options.lang === 'en') return 'en';
  const chosen: Formality | null = options.formality ?? null;
  if (chosen) return chosen === 'u' ? 'nl-u' : 'nl-je';
  const u = text.match(U_WORDS)?.length ?? 0;
  const je = text.match(JE_WORDS)?.length ?? 0;
  return je > u ? 'nl-je' : 'nl-u';
}

const capitalise = (s: string): string => (s === '' ? s : (s[0]?.toUpperCase() ?? '') + s.slice(1));
/** Keep "Je"/"JE" style capitals of the word being replaced. */
const likeCase = (replacement: string, original: string): string =>
  original.length > 1 && original === original.toUpperCase() ? replacement.toUpperCase() : /^\p{Lu}/u.test(original) ? capitalise(replacement) : replacement;
const atSentenceStart = (text: string, index: number): boolean => /(?:^|[.!?\n]\s*)$/u.test(text.slice(Math.max(0, index - 3), index));

const FORMAL: Record<string, string> = { je: 'u', jij: 'u', jou: 'u', jouw: 'uw', jezelf: 'uzelf', jouwe: 'de uwe' };
const INFORMAL: Record<string, string> = { u: 'je', uw: 'je', uzelf: 'jezelf' };

const DIMINUTIVE_EN: readonly (readonly [RegExp, string])[] = [
  [/^an? (?:tiny|little|wee) /iu, 'a '],
  [/^hiccups$/iu, 'problems'],
  [/^hiccup$/iu, 'problem'],
  [/^a tad$/iu, 'somewhat'],
  [/^kinda$/iu, 'rather'],
  [/^sorta$/iu, 'rather'],
];
/** "foutje" → "fout", "probleempje" → "probleem", "vergissinkje" → "vergissing", "beetje jammer" → "jammer". */
function undiminish(word: string): string {
  if (/^beetje jammer$/iu.test(word)) return 'jammer';
  return word.replace(/inkjes?$/u, 'ing').replace(/(?:tjes?|pjes?|jes?)$/u, '').replace(/([^aeiou])\1$/u, '$1');
}

function topicOf(sentence: string, lang: 'en' | 'nl'): string | null {
  for (const [re, words] of TOPICS[lang]) if (re.test(sentence)) return words;
  return null;
}

function sentences(key: string, voice: Voice, sentence: string, lang: 'en' | 'nl', contact: string | null): string[] {
  const phrases = REWRITES[key]?.[voice];
  if (!phrases) return [];
  // The topic is looked for only when the rewrite has a place for it (most have none).
  const topic = !phrases.topic ? null : key === 'rating-request.incentive' ? contact : topicOf(sentence, lang);
  const first = phrases.topic && topic ? [phrases.topic.replace('{topic}', topic)] : [];
  return [...new Set([...first, ...phrases.plain])].slice(0, 3);
}

/** `voice`: the reply's `voiceOf`, worked out once per check. */
export function suggestionsFor(f: LintFinding, text: string, options: LintOptions, voice: Voice = voiceOf(text, options)): string[] {
  const found = text.slice(f.start, f.end);
  const lang = options.lang;
  const contact = options.allowedContacts?.find((c) => c.trim() !== '')?.trim() ?? null;
  const name = options.reviewerName?.trim() ?? '';
  const [family, sub] = f.key.split('.') as [string, string | undefined];
  switch (family) {
    case 'blame':
    case 'lecturing':
    case 'sarcasm':
    case 'defensive':
    case 'rating-request':
    case 'apology':
      return sentences(f.key, voice, found, lang, contact);
    case 'shouting':
      if (sub === 'marks') return found.includes('?') ? ['?'] : ['!', '.'];
      return [atSentenceStart(text, f.start) ? capitalise(found.toLowerCase()) : found.toLowerCase()];
    case 'tone':
      if (sub === 'emoji') return [''];
      if (sub === 'slang') return [likeCase(SLANG[lang][found.toLowerCase()] ?? '', found)];
      if (lang === 'en') {
        for (const [re, plain] of DIMINUTIVE_EN) if (re.test(found)) return [found.replace(re, plain)];
        return [];
      }
      return [likeCase(undiminish(found.toLowerCase()), found)];
    case 'gendered': {
      if (lang === 'en') return [name ? `Dear ${name}` : 'Hello'];
      return name ? [`Beste ${name}`] : [voice === 'nl-je' ? 'Hallo' : 'Goedendag'];
    }
    case 'formality': {
      const word = found.toLowerCase();
      const map = String(f.params?.form) === 'u' ? FORMAL : INFORMAL;
      const to = map[word];
      return to ? [likeCase(to, found)] : [];
    }
    case 'personal-data':
      return personalDataSuggestions(sub ?? '', found, voice);
    case 'greeting': {
      const hello = lang === 'en' ? (name ? `Hi ${name},` : 'Hello,') : name ? `${voice === 'nl-je' ? 'Hoi' : 'Beste'} ${name},` : voice === 'nl-je' ? 'Hallo,' : 'Goedendag,';
      return [`${hello}\n\n${found}`];
    }
    case 'sign-off': {
      const sign = options.signature?.trim() || (lang === 'en' ? 'The team' : 'Het team');
      const closing = lang === 'en' ? 'Kind regards,' : 'Met vriendelijke groet,';
      return [`${found}\n\n${closing}\n${sign}`];
    }
    default:
      // The length and the size limit: only the owner can decide what to leave out.
      return [];
  }
}

function personalDataSuggestions(kind: string, found: string, voice: Voice): string[] {
  const nl = voice !== 'en';
  const u = voice === 'nl-u';
  switch (kind) {
    case 'order':
      // Keep the word, drop the number: "your order 48213" → "your order".
      return [found.replace(/[\s:#]*#?(?:[A-Z]{1,4}[-/]?)?\d[\d/-]{3,}[A-Z]?$/iu, '').replace(/\s+(?:is|was|met nummer|with number|number|nummer|nr\.?|no\.?)$/iu, '')];
    case 'health':
      return [nl ? 'dit' : 'this'];
    case 'email':
      return [nl ? (u ? 'het e-mailadres dat u ons gaf' : 'het e-mailadres dat je ons gaf') : 'the e-mail address you gave us'];
    case 'phone':
      return [nl ? (u ? 'het nummer dat u ons gaf' : 'het nummer dat je ons gaf') : 'the number you gave us'];
    default:
      return [nl ? (u ? 'het adres dat u ons gaf' : 'het adres dat je ons gaf') : 'the address you gave us'];
  }
}

/**
 * The reply with one suggestion applied: the finding's text replaced, and a space left doubled or
 * before a punctuation mark by a removal tidied up.
 */
export function applySuggestion(text: string, f: Pick<LintFinding, 'start' | 'end'>, suggestion: string): string {
  let before = text.slice(0, f.start);
  let after = text.slice(f.end);
  if (suggestion === '') {
    if (/[ \t]$/u.test(before) && (/^[ \t]/u.test(after) || /^[.,!?;:]/u.test(after) || after === '')) before = before.replace(/[ \t]+$/u, '');
    if (before === '' || /\n$/u.test(before)) after = after.replace(/^[ \t]+/u, '');
  }
  return before + suggestion + after;
}
