/** The phrase library's shapes: a phrase per composer step, with Dutch u/je variants. */

/** The steps of a reply. Criticism: thank, empathise, own, offer, close; praise: thank, liked, invite, close. */
export type PhraseStep = 'thank' | 'empathise' | 'own' | 'offer' | 'liked' | 'invite' | 'close';
/** Which reviews a phrase fits: criticism (1–3★) or praise (4–5★). */
export type PhraseMood = 'criticism' | 'praise' | 'any';

export interface PhraseText {
  /** May use {name}, {business}, {location}, {contact}, {signature}, {topic}. */
  text: string;
  /** The same phrase for a reviewer without a usable first name (a neutral greeting); required when `text` uses {name}. */
  anonymous?: string;
}

export interface Phrase {
  /** Stable id (rotation remembers ids). */
  id: string;
  step: PhraseStep;
  mood: PhraseMood;
  /** Formal Dutch (u); for English the same text as `je`. */
  u: PhraseText;
  /** Informal Dutch (je). */
  je: PhraseText;
}

const t = (text: string, anonymous?: string): PhraseText => (anonymous === undefined ? { text } : { text, anonymous });

/** An English phrase (one text for both formalities). */
export const enPhrase = (id: string, step: PhraseStep, mood: PhraseMood, text: string, anonymous?: string): Phrase => ({
  id, step, mood, u: t(text, anonymous), je: t(text, anonymous),
});

/** A Dutch phrase with its u and je forms (a pair of [text, anonymous?]). */
export const nlPhrase = (id: string, step: PhraseStep, mood: PhraseMood, u: [string, string?], je: [string, string?] = u): Phrase => ({
  id, step, mood, u: t(u[0], u[1]), je: t(je[0], je[1]),
});
