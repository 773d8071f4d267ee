import { describe, expect, it } from 'vitest';
import { blocksSending, lintReply, type LintFinding, type LintOptions, type LintRuleId } from '../../shared/reply/lint';

const en: LintOptions = { lang: 'en' };
const nl: LintOptions = { lang: 'nl' };
const of = (text: string, rule: LintRuleId, opts: LintOptions): LintFinding[] => lintReply(text, opts).filter((f) => f.rule === rule);
const spans = (text: string, rule: LintRuleId, opts: LintOptions): string[] => of(text, rule, opts).map((f) => text.slice(f.start, f.end));

// Arguing, blaming and lecturing mark the whole sentence: that is what a calm rewrite replaces.
describe('defensive', () => {
  it.each([
    ['en', 'That is not true, we were open.', 'defensive'],
    ['en', "Frankly you're wrong about the price.", 'defensive'],
    ['en', 'You should have checked the opening hours.', 'lecturing'],
    ['nl', 'Dat klopt niet, wij waren open.', 'defensive'],
    ['nl', 'U had moeten bellen.', 'lecturing'],
    ['nl', 'Je hebt het mis over de prijs.', 'defensive'],
    ['nl', 'Dat is gewoon niet waar.', 'defensive'],
  ] as const)('%s: flags "%s"', (lang, text, rule) => {
    expect(spans(`Hallo. ${text} Tot ziens.`, rule, { lang })).toEqual([text]);
    expect(blocksSending(lintReply(text, { lang }))).toBe(true);
  });
  it.each([
    ['en', 'This is not how it should go, and we are sorry.'],
    ['en', 'You are right: the bread was not fresh.'],
    ['nl', 'Dit klopt niet met hoe wij willen werken.'],
    ['nl', 'Zo hoort het niet te gaan.'],
    ['nl', 'U heeft helemaal gelijk.'],
  ] as const)('%s: leaves "%s" alone', (lang, text) => {
    expect(of(text, 'defensive', { lang })).toEqual([]);
  });
});

describe('blame', () => {
  it.each([
    ['en', "We're sorry that you feel this way about our bread."],
    ['en', 'Sorry you are not satisfied with our service.'],
    ['en', 'We apologise if you felt unwelcome.'],
    ['nl', 'Sorry dat u ontevreden bent.'],
    ['nl', 'Het spijt ons dat je zo teleurgesteld bent.'],
    ['nl', 'Jammer dat u het zo ervaart.'],
  ] as const)('%s: flags "%s"', (lang, text) => {
    expect(spans(text, 'blame', { lang })).toEqual([text]);
    expect(of(text, 'blame', { lang })[0]).toMatchObject({ severity: 'error', key: 'blame.apology' });
  });
  it.each([
    ['en', 'Sorry we did not help you the way we should have.'],
    ['en', 'We are sorry that your order was late.'],
    ['en', 'Sorry to hear about your visit.'],
    ['nl', 'Sorry dat we je niet goed geholpen hebben.'],
    ['nl', 'Het spijt ons dat u zo lang moest wachten.'],
    ['nl', 'Excuses dat wij u niet goed geholpen hebben.'],
  ] as const)('%s: leaves "%s" alone', (lang, text) => {
    expect(of(text, 'blame', { lang })).toEqual([]);
  });
});

describe('apology', () => {
  it('flags the sentence of the second and later apologies, not the first', () => {
    const text = 'Sorry for the wait. We apologise again, and sorry once more.';
    expect(spans(text, 'apology', en)).toEqual(['We apologise again, and sorry once more.']);
    expect(of('Sorry for the wait.', 'apology', en)).toEqual([]);
    expect(spans('Excuses voor het wachten. Het spijt ons echt.', 'apology', nl)).toEqual(['Het spijt ons echt.']);
    expect(of('Het spijt ons dat u moest wachten.', 'apology', nl)).toEqual([]);
  });
});

describe('shouting', () => {
  it('flags capital words and !!, not acronyms or one !', () => {
    const text = 'We were NEVER closed!! Ask the ANWB or check GPS.';
    expect(spans(text, 'shouting', en)).toEqual(['NEVER', '!!']);
    expect(spans('Dat is ECHT NIET zo?!', 'shouting', nl)).toEqual(['ECHT NIET', '?!']);
    expect(of('Thank you! See you soon. ^AB', 'shouting', en)).toEqual([]);
    expect(of('Bedankt! Tot ziens bij de HEMA.', 'shouting', nl)).toEqual([]);
  });
});

describe('tone', () => {
  it('flags emoji, slang and hedging diminutives unless the tone is casual', () => {
    const text = 'Een foutje van ons 😅 lol';
    expect(spans(text, 'tone', nl)).toEqual(['foutje', '😅', 'lol']);
    expect(of(text, 'tone', { ...nl, casual: true })).toEqual([]);
    expect(spans('Thanks 👍🏽 gonna fix it', 'tone', en)).toEqual(['👍🏽', 'gonna']);
  });
  it('leaves ordinary diminutives and words alone', () => {
    expect(of('Een broodje en een kopje koffie, graag gedaan.', 'tone', nl)).toEqual([]);
    expect(of('Your lolly and a cuppa: you are welcome.', 'tone', en)).toEqual([]);
  });
});

describe('gendered', () => {
  it('flags gendered address in both languages', () => {
    expect(spans('Dear Sir, thank you.', 'gendered', en)).toEqual(['Dear Sir']);
    expect(spans('Dear Sir/Madam, thank you.', 'gendered', en)).toEqual(['Dear Sir/Madam']);
    expect(spans('Geachte heer, bedankt.', 'gendered', nl)).toEqual(['Geachte heer']);
    expect(spans('Beste mevrouw, bedankt.', 'gendered', nl)).toEqual(['Beste mevrouw']);
    expect(of('Dear Anna, thank you.', 'gendered', en)).toEqual([]);
    expect(of('Beste Anna, de heer des huizes bakt.', 'gendered', nl)).toEqual([]);
  });
});

describe('formality (Dutch u/je)', () => {
  it('flags the minority form when u and je are mixed', () => {
    const text = 'Bedankt voor uw review. Wij hopen u snel weer te zien, kom je langs?';
    expect(spans(text, 'formality', nl)).toEqual(['je']);
    expect(of(text, 'formality', nl)[0]).toMatchObject({ severity: 'warning', key: 'formality.mixed', params: { form: 'u' } });
  });
  it('flags the other form when the business chose one', () => {
    expect(spans('Bedankt voor je review!', 'formality', { ...nl, formality: 'u' })).toEqual(['je']);
    expect(of('Bedankt voor uw review.', 'formality', { ...nl, formality: 'u' })).toEqual([]);
    expect(of('Wij zien jullie graag terug, u bent welkom.', 'formality', { ...nl, formality: 'u' })).toEqual([]);
  });
  it('does nothing in English', () => {
    expect(of('Thank you, see you. U2 played.', 'formality', en)).toEqual([]);
  });
});

describe('personal data', () => {
  it("flags the reviewer's phone number, e-mail and street address", () => {
    const text = 'Wij belden u op 06-12345678 en mailden naar piet@example.nl. Piet woont op de Dorpsstraat 12a.';
    expect(spans(text, 'personal-data', nl)).toEqual(['06-12345678', 'piet@example.nl', 'Dorpsstraat 12a']);
    expect(spans('We called you on 020 123 4567 and sent the parcel to 12 Baker Street.', 'personal-data', en)).toEqual(['020 123 4567', '12 Baker Street']);
    expect(of(text, 'personal-data', nl).every((f) => f.severity === 'error')).toBe(true);
  });
  it('allows the business contact from Settings', () => {
    const opts = { ...nl, allowedContacts: ['info@zonnig.nl', '+31 20 123 4567'] };
    expect(of('Mail ons op info@zonnig.nl of bel 020 123 4567.', 'personal-data', opts)).toEqual([]);
  });
  it('leaves dates and prices alone, not the order number', () => {
    expect(spans('On 12-03-2025 you paid €12.50 for order 4471.', 'personal-data', en)).toEqual(['order 4471']);
  });
});

describe('rating request and incentives', () => {
  it('flags asking for a better rating and incentives tied to the review', () => {
    expect(spans('Could you please update your review?', 'rating-request', en)).toEqual(['Could you please update your review?']);
    expect(of('We give you a discount if you change your rating.', 'rating-request', en)).toMatchObject([{ key: 'rating-request.incentive', severity: 'error' }]);
    expect(spans('Wilt u uw beoordeling aanpassen?', 'rating-request', nl)).toEqual(['Wilt u uw beoordeling aanpassen?']);
    expect(of('U krijgt een waardebon als u de review verwijdert.', 'rating-request', nl)).toMatchObject([{ key: 'rating-request.incentive' }]);
  });
  it('leaves thanks for stars and a goodwill gesture alone', () => {
    expect(of('Thank you for the five stars!', 'rating-request', en)).toEqual([]);
    expect(of('We would like to offer you a refund for the cake.', 'rating-request', en)).toEqual([]);
    expect(of('Bedankt voor de vijf sterren en uw mooie review.', 'rating-request', nl)).toEqual([]);
    expect(of('We improve our service every week.', 'rating-request', en)).toEqual([]);
  });
});

describe('greeting and sign-off', () => {
  it('flags a reply without greeting or sign-off', () => {
    const text = 'The bread was stale and that should not happen. We are looking into it.';
    expect(of(text, 'greeting', en)).toHaveLength(1);
    expect(of(text, 'sign-off', en)).toHaveLength(1);
  });
  it('accepts a greeting with a name and a first name, initials or signature', () => {
    expect(of('Hi Anna,\n\nThank you for your review. We will look into it.\n\nSanne', 'greeting', en)).toEqual([]);
    expect(of('Hi Anna,\n\nThank you for your review. We will look into it.\n\nSanne', 'sign-off', en)).toEqual([]);
    expect(of('Beste Piet, bedankt voor je review. We kijken ernaar. ^SB', 'sign-off', nl)).toEqual([]);
    expect(of('Beste Piet,\nbedankt voor je review. We kijken ernaar.\nHartelijke groet, Sanne van Bakkerij Zonnig', 'sign-off', nl)).toEqual([]);
  });
  it('stays quiet while the reply has only just started', () => {
    expect(lintReply('Thank', en)).toEqual([]);
  });
});

describe('length', () => {
  it('flags a reply much longer than a short review warrants, from the word over the budget', () => {
    const reply = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const [f] = of(reply, 'length', { ...en, reviewText: 'Lovely bread.' });
    expect(f).toMatchObject({ severity: 'warning', params: { words: 120, budget: 90 } });
    expect(reply.slice(f?.start ?? 0).startsWith('word90')).toBe(true);
    expect(of(reply, 'length', { ...en, reviewText: Array.from({ length: 60 }, () => 'w').join(' ') })).toEqual([]);
  });
});

describe('ranges with multi-byte text', () => {
  it('gives UTF-16 offsets that slice out the flagged words after emoji and accents', () => {
    const text = '👨‍👩‍👧 Café Zoë: 😀 dat klopt niet!! Ga naar de Dorpsstraat 1.';
    for (const f of lintReply(text, nl)) expect(text.slice(f.start, f.end).length).toBe(f.end - f.start);
    expect(spans(text, 'defensive', nl)).toEqual(['👨‍👩‍👧 Café Zoë: 😀 dat klopt niet!!']);
    expect(spans(text, 'shouting', nl)).toEqual(['!!']);
    expect(spans(text, 'tone', nl)).toEqual(['👨‍👩‍👧', '😀']);
    expect(spans('Één fout, ÉCHT NIET.', 'shouting', nl)).toEqual(['ÉCHT NIET']);
  });
});

describe('messages', () => {
  it('every finding key has a message in English and Dutch', async () => {
    const { locales } = await import('../../shared/locales');
    const { lintMessage } = await import('../../shared/reply/lint/messages');
    const keys = ['defensive', 'blame.apology', 'blame.fault', 'lecturing', 'sarcasm', 'apology', 'shouting.caps', 'shouting.marks', 'tone.emoji', 'tone.slang', 'tone.diminutive', 'gendered', 'formality.mixed', 'formality.other', 'personal-data.email', 'personal-data.phone', 'personal-data.address', 'personal-data.order', 'personal-data.health', 'rating-request.ask', 'rating-request.incentive', 'greeting', 'sign-off', 'length', 'limit.bytes', 'limit.characters'];
    const samples = [
      'Dear Sir, Dat klopt niet!! ECHT NIET 😀 lol foutje. Sorry dat u ontevreden bent, sorry. Bedankt voor uw en je review. Mail a@b.nl, bel 0612345678, Dorpsstraat 1. Pas uw review aan voor korting in ruil voor de review.',
      'That is not true!! NEVER 😀 lol a tiny mistake. Sorry that you feel so, sorry. Mail a@b.nl, call 0612345678, 12 Baker Street. Change your review for a discount on your review.',
    ];
    const seen = new Set<string>();
    for (const [i, text] of samples.entries()) for (const f of lintReply(text, { lang: i === 0 ? 'nl' : 'en', formality: 'u' })) seen.add(f.key);
    for (const key of seen) expect(keys).toContain(key);
    for (const key of keys) {
      for (const lang of ['en', 'nl'] as const) expect([lang, key, lintMessage({ key, params: { count: 2, used: 'je', form: 'u', words: 1, budget: 1, size: 1, limit: 1, over: 1 } }, locales[lang])]).not.toEqual([lang, key, key]);
    }
  });
});
