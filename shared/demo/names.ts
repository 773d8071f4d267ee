import type { Rng } from './random';

/** Where a reviewer comes from; decides the name pool. */
export type NameOrigin = 'nl' | 'be' | 'en' | 'de' | 'fr';

/** What Google shows when the reviewer hid their name. */
export const ANONYMOUS_AUTHOR = 'A Google user';

const FIRST: Record<NameOrigin, readonly string[]> = {
  nl: [
    'Daan', 'Sanne', 'Pieter', 'Fleur', 'Thomas', 'Lisa', 'Bas', 'Eva', 'Jeroen', 'Anne', 'Ruud', 'Marieke', 'Sven',
    'Lotte', 'Niels', 'Femke', 'Kees', 'Ilse', 'Mohamed', 'Fatima', 'Yusuf', 'Ayşe', 'Wim', 'Ingrid', 'Jesse', 'Noa',
    'Tim', 'Julia', 'Gerrit', 'Hanneke', 'Rik', 'Sophie', 'Mark', 'Esther', 'Luuk', 'Demi', 'Priya', 'Stijn', 'Maartje',
    'Hans', 'Karin', 'Milan', 'Zoë', 'Wouter', 'Nadia', 'Joost', 'Romy', 'Erik', 'Tamara',
  ],
  be: [
    'Wout', 'Lien', 'Jef', 'An', 'Koen', 'Els', 'Bart', 'Katrien', 'Jonas', 'Hanne', 'Dries', 'Nele', 'Tom', 'Griet',
    'Arne', 'Sofie', 'Kobe', 'Leen', 'Bram', 'Ine', 'Pieter-Jan', 'Marie', 'Stijn', 'Liesbeth', 'Jens', 'Fien',
    'Karim', 'Yasmina', 'Ward', 'Elien', 'Lander', 'Ilse', 'Michiel', 'Charlotte', 'Robbe', 'Anouk',
  ],
  en: [
    'Oliver', 'Emily', 'James', 'Charlotte', 'Harry', 'Sophie', 'Jack', 'Amelia', 'George', 'Grace', 'Liam', 'Chloe',
    'Noah', 'Megan', 'Ethan', 'Hannah', 'Ryan', 'Olivia', 'Daniel', 'Priya', 'Michael', 'Sarah', 'Aidan', 'Laura',
  ],
  de: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Katharina', 'Maximilian', 'Sabine', 'Jürgen', 'Laura', 'Tobias', 'Miriam'],
  fr: ['Camille', 'Julien', 'Manon', 'Antoine', 'Chloé', 'Nicolas', 'Élodie', 'Thibault', 'Léa', 'Mathieu', 'Inès', 'Hugo'],
};

const LAST: Record<NameOrigin, readonly string[]> = {
  nl: [
    'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
    'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
    'El Amrani', 'Yılmaz', 'Demir', 'Kaya', 'Bouzid', 'van Dijk', 'Kuipers', 'Postma', 'Verhoeven', 'Hoekstra',
  ],
  be: [
    'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
    'Dubois', 'Vermeulen', 'Van Damme', 'De Backer', 'Hermans', 'Lambrechts', 'Van de Velde', 'Verstraete',
    'El Idrissi', 'De Clercq', 'Cools', 'Michiels',
  ],
  en: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Hart', 'Bennett', 'Walker', 'Wright',
    "O'Brien", 'Murphy', 'Hughes', 'Patel', 'Clarke', 'Turner', 'Campbell',
  ],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Wagner', 'Keller'],
  fr: ['Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Fournier', 'Mercier', 'Bonnet', 'Lambert', 'Rousseau'],
};

export interface Reviewer {
  author: string;
  /** The name a reply greets them with, or null for an anonymous reviewer. */
  firstName: string | null;
  anonymous: boolean;
}

/** A reviewer as Google shows them: full name or first name plus initial, or anonymous. */
export function pickReviewer(rng: Rng, origin: NameOrigin, anonymous: boolean): Reviewer {
  if (anonymous) return { author: ANONYMOUS_AUTHOR, firstName: null, anonymous: true };
  const first = rng.pick(FIRST[origin]);
  const last = rng.pick(LAST[origin]);
  if (rng.chance(0.62)) return { author: `${first} ${last}`, firstName: first, anonymous: false };
  // "van den Berg" → "V."; "O'Brien" → "O."
  const lastWord = last.split(' ').find((w) => w[0] !== undefined && w[0] === w[0].toUpperCase()) ?? last;
  return { author: `${first} ${lastWord.charAt(0).toUpperCase()}.`, firstName: first, anonymous: false };
}
