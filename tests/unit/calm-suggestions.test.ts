// The calm rewrites (issue 21): one or more per finding, in the reply's language and form of address,
// and applying one makes that finding go away.
import { describe, expect, it } from 'vitest';
import { applySuggestion, lintReply, type LintOptions, type LintRuleId } from '../../shared/reply/lint';
import { voiceOf } from '../../shared/reply/lint/suggest';

const first = (text: string, rule: LintRuleId, options: LintOptions) => {
  const f = lintReply(text, options).find((x) => x.rule === rule);
  if (!f) throw new Error(`no ${rule} finding in "${text}"`);
  return f;
};

describe('calm rewrites', () => {
  it('replaces a blaming sentence with one that owns it, about the same topic', () => {
    const text = 'Hi Anna, thanks. The delay was your fault, since you gave us the wrong address. Sanne';
    const f = first(text, 'blame', { lang: 'en' });
    expect(f.suggestions?.[0]).toBe('We should have checked the address with you, and we are sorry it went wrong.');
    const fixed = applySuggestion(text, f, f.suggestions?.[0] ?? '');
    expect(fixed).toBe('Hi Anna, thanks. We should have checked the address with you, and we are sorry it went wrong. Sanne');
    expect(lintReply(fixed, { lang: 'en' }).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('keeps a greeting on the same line out of the marked sentence', () => {
    const text = 'Hi John, that is not true, we were open.';
    const f = first(text, 'defensive', { lang: 'en' });
    expect(text.slice(f.start, f.end)).toBe('that is not true, we were open.');
    expect(applySuggestion(text, f, f.suggestions?.[0] ?? '')).toMatch(/^Hi John, We are sorry to read this/);
  });

  it('follows the form of address: u, je, or the one the reply uses', () => {
    const u = first('Het is uw eigen schuld dat de taart te laat was.', 'blame', { lang: 'nl', formality: 'u' });
    expect(u.suggestions?.join(' ')).toMatch(/ met u /);
    expect(u.suggestions?.join(' ')).not.toMatch(/\bje\b/);
    const je = first('Het is je eigen schuld dat de taart te laat was.', 'blame', { lang: 'nl', formality: 'je' });
    expect(je.suggestions?.join(' ')).toMatch(/ met je /);
    expect(voiceOf('Bedankt voor je review, je bent welkom.', { lang: 'nl' })).toBe('nl-je');
    expect(voiceOf('Bedankt voor uw review.', { lang: 'nl' })).toBe('nl-u');
    expect(voiceOf('Thanks.', { lang: 'en' })).toBe('en');
  });

  it.each([
    ['en', 'Dan wat. Would you consider updating your review to 5 stars?', 'rating-request'],
    ['nl', 'Dan had u beter moeten lezen wat er op de website staat.', 'lecturing'],
    ['nl', 'Blijkbaar heeft u er meer verstand van.', 'sarcasm'],
    ['en', 'That is not true, we were open.', 'defensive'],
    ['nl', 'Sorry dat u ontevreden bent.', 'blame'],
    ['en', 'Sorry for the wait. We apologise again for the soup.', 'apology'],
    ['nl', 'Wij belden u op 0612345678.', 'personal-data'],
    ['en', 'Your order 48213 is refunded.', 'personal-data'],
    ['en', 'We were NEVER closed.', 'shouting'],
    ['nl', 'Een foutje van ons.', 'tone'],
    ['en', 'Dear Sir, thank you.', 'gendered'],
  ] as const)('%s: every suggestion for "%s" clears its %s finding', (lang, text, rule) => {
    const options: LintOptions = { lang, formality: lang === 'nl' ? 'u' : null };
    const f = first(text, rule, options);
    expect(f.suggestions?.length).toBeGreaterThan(0);
    for (const s of f.suggestions ?? []) {
      const fixed = applySuggestion(text, f, s);
      expect([s, lintReply(fixed, options).filter((x) => x.rule === rule && x.start < f.start + s.length + 1 && x.end > f.start)]).toEqual([s, []]);
    }
  });

  it('gives the plain word for shouting, slang and diminutives, and drops the order number', () => {
    expect(first('Hallo. Dat is ECHT zo.', 'shouting', { lang: 'nl' }).suggestions).toEqual(['echt']);
    expect(first('Thank you so much!!', 'shouting', { lang: 'en' }).suggestions).toEqual(['!', '.']);
    expect(first('Thx voor je bericht.', 'tone', { lang: 'nl' }).suggestions).toEqual(['Bedankt']);
    expect(first('Een probleempje met de oven.', 'tone', { lang: 'nl' }).suggestions).toEqual(['probleem']);
    expect(first('Uw bestelling 2024-8812 is verstuurd.', 'personal-data', { lang: 'nl' }).suggestions).toEqual(['bestelling']);
  });

  it('switches u and je words to the chosen form', () => {
    const f = first('Bedankt voor jouw review.', 'formality', { lang: 'nl', formality: 'u' });
    expect(f.suggestions).toEqual(['uw']);
    expect(first('Dank u voor uw review.', 'formality', { lang: 'nl', formality: 'je' }).suggestions).toEqual(['je']);
  });

  it('adds a greeting with the name, and a sign-off with the signature', () => {
    const text = 'The bread was stale and that should not happen.\nWe are looking into it now.';
    const g = first(text, 'greeting', { lang: 'en', reviewerName: 'Anna' });
    expect(applySuggestion(text, g, g.suggestions?.[0] ?? '')).toMatch(/^Hi Anna,\n\nThe bread/);
    const s = first(text, 'sign-off', { lang: 'en', signature: 'Sanne' });
    expect(applySuggestion(text, s, s.suggestions?.[0] ?? '')).toMatch(/now\.\n\nKind regards,\nSanne$/);
    const nl = first('Het brood was oud en dat hoort niet zo te gaan, echt niet.', 'greeting', { lang: 'nl', formality: 'je', reviewerName: 'Piet' });
    expect(nl.suggestions?.[0]).toMatch(/^Hoi Piet,\n\n/);
  });

  it('removes an emoji or a second apology cleanly', () => {
    const text = 'Thanks 😀 for coming.';
    const f = first(text, 'tone', { lang: 'en' });
    expect(applySuggestion(text, f, '')).toBe('Thanks for coming.');
    const two = 'Sorry for the wait. We apologise again.';
    const a = first(two, 'apology', { lang: 'en' });
    expect(a.suggestions).toEqual(['This is not how it should go.', '']);
    expect(applySuggestion(two, a, '')).toBe('Sorry for the wait.');
  });

  it('offers nothing for the length and the size limit: only the owner can choose what to leave out', () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    expect(first(long, 'length', { lang: 'en', reviewText: 'Nice.' }).suggestions).toEqual([]);
  });
});
