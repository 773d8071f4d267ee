/**
 * The phrase library: suggestions per step, rendered with the reviewer's first name and the
 * business's settings, rotated so consecutive replies don't read the same.
 */
import type { Formality, ReplyLanguage } from '../lint/types';
import { enPhrases } from './en';
import { nlPhrases } from './nl';
import type { Phrase, PhraseMood, PhraseStep } from './types';

export type { Phrase, PhraseMood, PhraseStep } from './types';

export const phraseLibrary: Record<ReplyLanguage, readonly Phrase[]> = { en: enPhrases, nl: nlPhrases };

export interface PhraseVars {
  /** The reviewer's first name; null or empty for a neutral greeting. */
  name?: string | null;
  business?: string;
  location?: string;
  /** The business's contact channel (phone, e-mail or contact page). */
  contact?: string;
  /** The sign-off: a first name or ^initials. */
  signature?: string;
  /** A short quote from the review of what they liked. */
  topic?: string | null;
}

const VARIABLE = /\{(name|business|location|contact|signature|topic)\}/g;

/**
 * The phrase as text, or null when it needs a value that is missing (e.g. {contact} before the
 * business set one): such a phrase is simply not offered.
 */
export function renderPhrase(phrase: Phrase, formality: Formality, vars: PhraseVars): string | null {
  const form = phrase[formality];
  const name = vars.name?.trim() ?? '';
  const source = name === '' && form.anonymous !== undefined ? form.anonymous : form.text;
  let missing = false;
  const text = source.replace(VARIABLE, (_, key: keyof PhraseVars) => {
    const value = (key === 'name' ? name : (vars[key] ?? '')).trim();
    if (value === '') missing = true;
    return value;
  });
  return missing ? null : text;
}

/**
 * A usable first name from a review's author, or null (anonymous, initials only, or empty):
 * "Anna de Vries" → "Anna"; "A. de Vries" → null; "Google user" → null.
 */
export function firstName(author: string, anonymous: boolean): string | null {
  if (anonymous) return null;
  const first = author.trim().split(/\s+/u)[0] ?? '';
  if (!/^\p{L}[\p{L}'’-]+$/u.test(first)) return null;
  if (/^(?:google|a|an|anonymous|anoniem|gebruiker|user|klant|customer)$/iu.test(first)) return null;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** Which reviews get the criticism flow (1–3★, or no rating) and which the short praise flow (4–5★). */
export const moodOf = (rating: number | null): Exclude<PhraseMood, 'any'> => (rating !== null && rating >= 4 ? 'praise' : 'criticism');

export interface Suggestion {
  id: string;
  text: string;
}

/**
 * Up to `count` rendered phrases for a step, the least recently used first, so consecutive
 * replies start from different wording. `recent` is the ids used lately, most recent first.
 */
export function suggestPhrases(
  step: PhraseStep,
  opts: { lang: ReplyLanguage; formality: Formality; mood: Exclude<PhraseMood, 'any'>; vars: PhraseVars; recent?: readonly string[]; count?: number },
): Suggestion[] {
  const recent = opts.recent ?? [];
  const rank = (id: string): number => {
    const i = recent.indexOf(id);
    return i === -1 ? recent.length : i; // never used first; then the one used longest ago
  };
  const out: (Suggestion & { order: number; index: number })[] = [];
  phraseLibrary[opts.lang].forEach((p, index) => {
    if (p.step !== step || (p.mood !== 'any' && p.mood !== opts.mood)) return;
    const text = renderPhrase(p, opts.formality, opts.vars);
    if (text !== null) out.push({ id: p.id, text, order: rank(p.id), index });
  });
  out.sort((a, b) => b.order - a.order || a.index - b.index);
  return out.slice(0, opts.count ?? 3).map(({ id, text }) => ({ id, text }));
}

/** How many recently used phrase ids to remember. */
export const RECENT_PHRASES = 60;

/** The recent-use list after `id` was used. */
export const rememberPhrase = (recent: readonly string[], id: string): string[] => [id, ...recent.filter((r) => r !== id)].slice(0, RECENT_PHRASES);
