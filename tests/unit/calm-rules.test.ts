// The calm check's must-fix rules (issue 21): blaming, lecturing, sarcasm, review gating and the reviewer's
// personal data, each in English and Dutch (u, je, Flemish), with the near misses that must stay quiet.
import { describe, expect, it } from 'vitest';
import { blocksSending, lintReply, type LintOptions, type LintRuleId } from '../../shared/reply/lint';

type Case = readonly [LintOptions['lang'], string];
const rulesIn = (text: string, lang: LintOptions['lang'], extra: Partial<LintOptions> = {}): LintRuleId[] =>
  lintReply(text, { lang, ...extra }).map((f) => f.rule);

function flags(rule: LintRuleId, cases: readonly Case[]) {
  it.each(cases)(`${rule} — %s: flags "%s" as must fix, the whole sentence`, (lang, text) => {
    const found = lintReply(`Hallo. ${text} Groet.`, { lang }).filter((f) => f.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
    expect(`Hallo. ${text} Groet.`.slice(found[0]?.start, found[0]?.end)).toBe(text);
    expect(blocksSending(lintReply(text, { lang }))).toBe(true);
  });
}
function leaves(rule: LintRuleId, cases: readonly Case[], extra: Partial<LintOptions> = {}) {
  it.each(cases)(`${rule} — %s: leaves "%s" alone`, (lang, text) => {
    expect(rulesIn(text, lang, extra)).not.toContain(rule);
  });
}

describe('blame', () => {
  flags('blame', [
    ['en', 'The delay was your fault, since you gave us the wrong address.'],
    ['en', 'You only have yourself to blame for the cold food.'],
    ['en', 'We cannot help it that you arrived an hour late.'],
    ['nl', 'Het is uw eigen schuld dat de taart te laat was.'],
    ['nl', 'Dat is je eigen schuld, je was te laat.'],
    ['nl', 'Wij kunnen er niets aan doen dat u de mail niet las.'],
    ['nl', "Da's uw eigen schuld, ge waart te laat."],
  ]);
  leaves('blame', [
    ['en', 'It was not your fault, and we are sorry.'],
    ['en', 'None of this was your fault.'],
    ['nl', 'Het was geen schuld van u.'],
    ['nl', 'Het was niet jouw fout, maar die van ons.'],
    ['nl', 'Het spijt ons dat u zo lang moest wachten.'],
  ]);
});

describe('lecturing', () => {
  flags('lecturing', [
    ['en', 'You should have read the opening hours.'],
    ['en', 'As clearly stated on our website, we close at six.'],
    ['en', 'You obviously did not read the menu.'],
    ['en', 'According to our terms, there is no refund.'],
    ['nl', 'Dan had u beter moeten lezen wat er op de website staat.'],
    ['nl', 'Je had ons eerst moeten bellen.'],
    ['nl', 'Zoals duidelijk vermeld op de kaart zitten er noten in.'],
    ['nl', 'Volgens onze huisregels moogt ge geen eigen drank meebrengen.'],
  ]);
  leaves('lecturing', [
    ['en', 'You should have had a warm welcome.'],
    ['en', 'As you mentioned, the soup was cold.'],
    ['nl', 'U had een warm welkom moeten krijgen.'],
    ['nl', 'Zou u ons kunnen bellen?'],
    ['nl', 'U heeft lang moeten wachten, dat spijt ons.'],
  ]);
});

describe('sarcasm', () => {
  flags('sarcasm', [
    ['en', 'Apparently you know better than our baker.'],
    ['en', 'Good luck finding a better bakery.'],
    ['nl', 'Blijkbaar heeft u er meer verstand van.'],
    ['nl', 'Helaas voor u, de actie was voorbij.'],
    ['nl', 'Blijkbaar hebt ge een zeer verfijnde smaak.'],
  ]);
  leaves('sarcasm', [
    ['en', 'Apparently the oven broke down that morning.'],
    ['nl', 'Wat spijtig voor u dat uw verjaardag zo verliep.'],
    ['nl', 'Blijkbaar was de koeling uitgevallen.'],
  ]);
});

describe('defensive: "that is not true" and the like', () => {
  flags('defensive', [
    ['en', 'That is not true, we were open.'],
    ['en', 'Not true.'],
    ['nl', 'Dat klopt niet, wij waren open.'],
    ['nl', 'Deze review is gewoon verzonnen.'],
  ]);
  leaves('defensive', [
    ['en', 'You are right, the bread was stale.'],
    ['nl', 'Dat klopt, het brood was oud.'],
    ['nl', 'Het klopt niet dat u zo lang moest wachten.'],
  ]);
});

describe('rating-request: review gating and incentives', () => {
  flags('rating-request', [
    ['en', 'If we fixed it, would you consider updating your review to 5 stars?'],
    ['en', 'Would you reconsider your rating?'],
    ['en', 'We will give you a voucher for a new review.'],
    ['nl', 'Wilt u uw recensie aanpassen?'],
    ['nl', 'Zou u ons alsnog vijf sterren willen geven?'],
    ['nl', 'Voor een positieve review krijg je tien procent korting.'],
  ]);
  it('says why: the policy, in both languages', async () => {
    const { locales } = await import('../../shared/locales');
    const { lintMessage } = await import('../../shared/reply/lint/messages');
    expect(lintMessage({ key: 'rating-request.ask' }, locales.en)).toMatch(/Google's review policy/);
    expect(lintMessage({ key: 'rating-request.incentive' }, locales.nl)).toMatch(/reviewbeleid van Google/);
  });
  leaves('rating-request', [
    ['en', 'Thank you for the five stars, we hope to see you again!'],
    ['en', 'We would like to offer you a refund for the cake.'],
    ['nl', 'Bedankt voor de vijf sterren en uw mooie review.'],
    ['nl', 'Naar aanleiding van uw review hebben wij het recept aangepast.'],
  ]);
});

describe("personal data: the reviewer's, never the business's", () => {
  it.each([
    ['en', 'We called you on 06 1234 5678 twice.', '06 1234 5678', 'personal-data.phone'],
    ['en', 'We replied to anna.jansen@gmail.com yesterday.', 'anna.jansen@gmail.com', 'personal-data.email'],
    ['en', 'Your order 48213 is refunded.', 'order 48213', 'personal-data.order'],
    ['en', 'We hope your nut allergy did not flare up.', 'your nut allergy', 'personal-data.health'],
    ['nl', 'Uw reserveringsnummer 55821 is verlopen.', 'reserveringsnummer 55821', 'personal-data.order'],
    ['nl', 'De taart is bezorgd op de Kerkstraat 14.', 'Kerkstraat 14', 'personal-data.address'],
    ['nl', 'Omdat je zwanger bent, snappen we het.', 'je zwanger bent', 'personal-data.health'],
  ] as const)('%s: flags "%s"', (lang, text, span, key) => {
    const found = lintReply(text, { lang }).filter((f) => f.rule === 'personal-data');
    expect(found.map((f) => [text.slice(f.start, f.end), f.key, f.severity])).toEqual([[span, key, 'error']]);
  });
  leaves(
    'personal-data',
    [
      ['en', 'Could you email us at care@example.com so we can put it right?'],
      ['en', 'Write to support@shop.example or service@shop.example.'],
      ['en', 'Could you send us your booking number so we can look it up?'],
      ['en', 'Please call us on 020 555 0142.'],
      ['nl', 'Mail gerust naar klantenservice@zonnig.nl of info@zonnig.nl.'],
      ['nl', 'Kunt u uw reserveringsnummer naar ons sturen?'],
      ['nl', 'Onze winkel in de Dorpsstraat 12 is op zondag open.'],
      ['nl', 'Mail Sanne via sanne@bakkerijzonnig.nl.'],
      ['nl', 'Wij hebben glutenvrij brood voor iedereen met een intolerantie.'],
    ],
    { allowedContacts: ['sanne@bakkerijzonnig.nl'] },
  );
  it('always allows the Settings contact, even a person\'s address', () => {
    expect(rulesIn('Wij belden u en mailden naar piet@gmail.com.', 'nl')).toContain('personal-data');
    expect(rulesIn('Wij belden u en mailden naar piet@gmail.com.', 'nl', { allowedContacts: ['piet@gmail.com'] })).not.toContain('personal-data');
  });
});
