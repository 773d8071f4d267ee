import type { Rng } from './random';
import type { Stars, TextBank, Topic, TranslatedBank, TranslatedPair } from './types';

/** A composed review text and what it praised and criticised (for a fitting reply). */
export interface ComposedText {
  text: string;
  /** Dutch machine translation, for foreign-language reviews only. */
  translated: string | null;
  praise: Topic | null;
  complaint: Topic | null;
}

const PRAISE_WEIGHTS: readonly (readonly [Topic, number])[] = [
  ['bread', 16], ['pastry', 14], ['coffee', 12], ['staff', 14], ['waiting', 4], ['price', 5],
  ['clean', 4], ['order', 5], ['parking', 2], ['hours', 3], ['seating', 6], ['lunch', 5],
];
/** Complaints mild enough for a four-star review. */
const MINOR_WEIGHTS: readonly (readonly [Topic, number])[] = [
  ['price', 10], ['parking', 5], ['seating', 5], ['waiting', 6], ['hours', 3],
];
const COMPLAINT_WEIGHTS: readonly (readonly [Topic, number])[] = [
  ['bread', 10], ['pastry', 10], ['coffee', 8], ['staff', 14], ['waiting', 14], ['price', 10],
  ['clean', 6], ['order', 9], ['parking', 3], ['hours', 4], ['seating', 4], ['lunch', 4],
];

function lowerFirst(sentence: string): string {
  // Keep the English "I" and "I'm" capitalised.
  if (/^I\b/.test(sentence)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function topics(rng: Rng, weights: readonly (readonly [Topic, number])[], count: number, avoid: Topic[]): Topic[] {
  const out: Topic[] = [];
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const topic = rng.weighted(weights);
    if (!out.includes(topic) && !avoid.includes(topic)) out.push(topic);
  }
  return out;
}

/** How many topic sentences: mostly one or two, sometimes three. */
function sentenceCount(rng: Rng, max: number): number {
  const n = rng.weighted<number>([[1, 45], [2, 40], [3, 15]]);
  return Math.min(n, max);
}

/** A review in the bank's language whose sentiment fits the star rating. */
export function composeText(rng: Rng, bank: TextBank, rating: Stars, city: string): ComposedText {
  const fill = (s: string): string => s.replaceAll('{city}', city);
  if (rng.chance(0.18)) {
    // One-liners name no clear topic, so the reply stays general.
    return { text: fill(rng.pick(bank.short[rating])), translated: null, praise: null, complaint: null };
  }
  const good = rating >= 4 ? sentenceCount(rng, 3) : rating === 3 && rng.chance(0.8) ? 1 : 0;
  const bad = rating <= 2 ? sentenceCount(rng, rating === 1 ? 3 : 2) : rating === 3 ? 1 : rating === 4 && rng.chance(0.25) ? 1 : 0;
  const praised = topics(rng, PRAISE_WEIGHTS, good, []);
  const criticised = topics(rng, rating === 4 ? MINOR_WEIGHTS : COMPLAINT_WEIGHTS, bad, praised);

  const sentences: string[] = [];
  if (rng.chance(0.45)) sentences.push(rng.pick(bank.open[rating]));
  for (const t of praised) sentences.push(rng.pick(bank.pos[t]));
  criticised.forEach((t, i) => {
    const line = rng.pick(bank.neg[t]);
    // In a mixed review the first complaint is glued on with "Maar …" / "Only downside: …".
    sentences.push(i === 0 && praised.length > 0 ? `${rng.pick(bank.but)} ${lowerFirst(line)}` : line);
  });
  if (rng.chance(0.5)) sentences.push(rng.pick(bank.close[rating]));

  let text = sentences.join(' ');
  const last = sentences[sentences.length - 1];
  if (sentences.length >= 4 && last !== undefined && rng.chance(0.35)) {
    text = `${sentences.slice(0, -1).join(' ')}\n\n${last}`;
  }
  return { text: fill(text), translated: null, praise: praised[0] ?? null, complaint: criticised[0] ?? null };
}

/** A foreign-language review with Google's Dutch translation beside it. */
export function composeTranslated(rng: Rng, bank: TranslatedBank, rating: Stars): ComposedText {
  const picked: TranslatedPair[] = [];
  if (rating >= 3) picked.push(...rng.sample(bank.pos, rating === 3 ? 1 : rng.int(1, 2)));
  if (rating <= 3) picked.push(...rng.sample(bank.neg, rating === 3 ? 1 : rng.int(1, 2)));
  const praise = rating >= 3 ? (picked[0]?.[0] ?? null) : null;
  const complaint = rating <= 3 ? (picked[picked.length - 1]?.[0] ?? null) : null;
  return {
    text: picked.map((p) => p[1]).join(' '),
    translated: picked.map((p) => p[2]).join(' '),
    praise,
    complaint,
  };
}
