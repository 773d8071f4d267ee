import type { Rng } from './random';
import { REPLIES_EN } from './replies-en';
import { REPLIES_NL } from './replies-nl';
import type { DemoSite, ReplyBank, Stars, Topic } from './types';

export type ReplyLanguage = 'nl' | 'en';

export interface ReplyInput {
  language: ReplyLanguage;
  rating: Stars;
  /** The reviewer's first name, or null when anonymous (neutral greeting). */
  firstName: string | null;
  hasText: boolean;
  praise: Topic | null;
  complaint: Topic | null;
  site: DemoSite;
}

const BANKS: Record<ReplyLanguage, ReplyBank> = { nl: REPLIES_NL, en: REPLIES_EN };

/**
 * A published reply the way WEBCARE.md describes a good one: greeting with the name, thanks,
 * for criticism one apology, owning it and a private channel (the shop's e-mail or phone),
 * signed with a first name or ^initials. Short, and never more than one apology.
 */
export function writeReply(rng: Rng, input: ReplyInput): string {
  const bank = BANKS[input.language];
  const { rating, praise, complaint, hasText, site } = input;
  const body: string[] = [];

  if (rating >= 4) {
    body.push(rng.pick(hasText ? bank.thankPositive : bank.thankRatingOnly));
    if (praise !== null && rng.chance(0.85)) body.push(rng.pick(bank.praise[praise]));
    if (rating === 4 && complaint !== null) body.push(rng.pick(bank.minorNote).replace('{topic}', bank.topicLabel[complaint]));
    if (rng.chance(0.7)) body.push(rng.pick(bank.inviteBack));
  } else if (rating === 3) {
    body.push(rng.pick(hasText ? bank.thankMixed : bank.thankRatingOnlyLow));
    if (praise !== null && rng.chance(0.7)) body.push(rng.pick(bank.praise[praise]));
    body.push(rng.pick(complaint === null ? bank.apologyGeneral : bank.apology[complaint]));
    body.push(rng.chance(0.6) ? rng.pick(bank.contact) : rng.pick(bank.inviteBack));
  } else {
    body.push(rng.pick(hasText ? bank.thankCritical : bank.thankRatingOnlyLow));
    body.push(rng.pick(complaint === null ? bank.apologyGeneral : bank.apology[complaint]));
    if (hasText && rng.chance(0.8)) body.push(rng.pick(bank.own));
    if (hasText && rng.chance(0.5)) body.push(rng.pick(bank.followUp));
    body.push(rng.pick(bank.contact));
  }

  const signer = rng.pick(site.signers);
  const greeting = input.firstName === null ? rng.pick(bank.greetAnonymous) : rng.pick(bank.greet);
  const gap = rng.chance(0.65) ? '\n\n' : '\n';
  const text = `${greeting}${gap}${body.join(' ')}${gap}${rng.pick(bank.signOff)}`;
  const values: Record<string, string> = {
    name: input.firstName ?? '',
    city: site.city,
    email: site.email,
    phone: site.phone,
    first: signer.first,
    initials: signer.initials,
  };
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
