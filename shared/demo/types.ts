/** Shared shapes of the demo generator's text banks and locations (data only, no logic). */

/** What a review is about; replies pick up the main topic. */
export type Topic =
  | 'bread'
  | 'pastry'
  | 'coffee'
  | 'staff'
  | 'waiting'
  | 'price'
  | 'clean'
  | 'order'
  | 'parking'
  | 'hours'
  | 'seating'
  | 'lunch';

export type Stars = 1 | 2 | 3 | 4 | 5;

/** Sentence fragments for one review language. `{city}` is replaced with the location's town. */
export interface TextBank {
  /** A positive sentence per topic. */
  pos: Record<Topic, readonly string[]>;
  /** A negative sentence per topic. */
  neg: Record<Topic, readonly string[]>;
  /** Opening sentences by rating. */
  open: Record<Stars, readonly string[]>;
  /** Closing sentences by rating. */
  close: Record<Stars, readonly string[]>;
  /** Complete one-line reviews by rating. */
  short: Record<Stars, readonly string[]>;
  /** Words that glue a positive and a negative sentence in a mixed review, e.g. "Maar". */
  but: readonly string[];
}

/** One sentence in another language with Google's Dutch translation. */
export type TranslatedPair = readonly [topic: Topic, original: string, dutch: string];

export interface TranslatedBank {
  pos: readonly TranslatedPair[];
  neg: readonly TranslatedPair[];
}

export type Country = 'NL' | 'BE';

export interface Signer {
  first: string;
  initials: string;
}

/** A demo location with the extra facts the reply writer needs (contact channel, staff). */
export interface DemoSite {
  id: string;
  name: string;
  city: string;
  country: Country;
  storeCode: string;
  address: string;
  cid: string;
  placeId: string;
  email: string;
  phone: string;
  signers: readonly Signer[];
  /** Relative share of the reviews. */
  weight: number;
}

/**
 * Reply building blocks for one language, following WEBCARE.md: greet by name, thank,
 * empathise with at most one apology, own it, offer a private channel, sign with a name.
 * Placeholders: {name} {city} {email} {phone} {first} {initials} {topic}.
 */
export interface ReplyBank {
  greet: readonly string[];
  greetAnonymous: readonly string[];
  thankPositive: readonly string[];
  thankMixed: readonly string[];
  thankCritical: readonly string[];
  /** Thanks for a star rating without words. */
  thankRatingOnly: readonly string[];
  /** The same for one to three stars (no cheerful "thanks for the stars"). */
  thankRatingOnlyLow: readonly string[];
  /** Picks up what the reviewer praised. */
  praise: Record<Topic, readonly string[]>;
  /** The one apology, specific to the complaint. */
  apology: Record<Topic, readonly string[]>;
  /** The one apology when the complaint is unclear (one-liners, rating only). */
  apologyGeneral: readonly string[];
  /** Owning it, without a second apology. */
  own: readonly string[];
  /** What happens next (honest, no promises we cannot keep). */
  followUp: readonly string[];
  /** The private channel: the location's e-mail or phone, never the reviewer's data. */
  contact: readonly string[];
  /** A four-star reviewer's small remark, acknowledged. {topic} is a topic label. */
  minorNote: readonly string[];
  topicLabel: Record<Topic, string>;
  inviteBack: readonly string[];
  signOff: readonly string[];
}
