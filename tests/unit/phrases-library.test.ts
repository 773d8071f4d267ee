import { describe, expect, it } from 'vitest';
import { lintReply, type Formality, type ReplyLanguage } from '../../shared/reply/lint';
import { firstName, phraseLibrary, rememberPhrase, renderPhrase, suggestPhrases, type PhraseVars } from '../../shared/reply/phrases';
import type { PhraseStep } from '../../shared/reply/phrases/types';
import { likedTopic } from '../../shared/reply/topic';

const full: PhraseVars = { name: 'Anna', business: 'Bakkerij Zonnig', location: 'Utrecht', contact: 'info@zonnig.nl', signature: 'Sanne', topic: 'de croissants zijn heerlijk' };
const forms: [ReplyLanguage, Formality][] = [['en', 'je'], ['nl', 'u'], ['nl', 'je']];
/** Rules about the whole reply (a single phrase has no greeting, sign-off or size of its own). */
const wholeReply = new Set(['greeting', 'sign-off', 'length']);
const apologyWord = { en: /\b(?:sorry|apologi[sz]e|apolog(?:y|ies))\b/i, nl: /\b(?:sorry|excuses|spijt)\b/i };

describe('phrase library', () => {
  for (const [lang, formality] of forms) {
    describe(`${lang} (${formality})`, () => {
      const phrases = phraseLibrary[lang];
      it.each(phrases.map((p) => [p.id, p] as const))('%s renders with and without a name, leaving no variable or gap', (_, p) => {
        for (const name of ['Anna', null]) {
          const text = renderPhrase(p, formality, { ...full, name });
          expect(text).not.toBeNull();
          expect(text).not.toMatch(/[{}]|\s,|\s{3,}| {2}|^\s|\s$/u);
          if (name === null) expect(text).not.toContain('Anna');
        }
      });
      it.each(phrases.map((p) => [p.id, p] as const))('%s passes its own calm check and keeps one form of address', (_, p) => {
        const text = renderPhrase(p, formality, full) ?? '';
        const findings = lintReply(text, { lang, formality, allowedContacts: [full.contact ?? ''], signature: 'Sanne' }).filter((f) => !wholeReply.has(f.rule));
        expect(findings).toEqual([]);
      });
      it('has an apology only in the empathise step, and every empathise phrase has exactly one', () => {
        for (const p of phrases) {
          const text = renderPhrase(p, formality, full) ?? '';
          const n = text.split(new RegExp(apologyWord[lang].source, 'gi')).length - 1;
          expect([p.id, n]).toEqual([p.id, p.step === 'empathise' ? 1 : 0]);
        }
      });
      it('offers at least three suggestions per step even with no settings filled in', () => {
        const steps: [PhraseStep, 'criticism' | 'praise'][] = [['thank', 'criticism'], ['empathise', 'criticism'], ['own', 'criticism'], ['offer', 'criticism'], ['thank', 'praise'], ['liked', 'praise'], ['invite', 'praise'], ['close', 'praise']];
        for (const [step, mood] of steps) {
          const list = suggestPhrases(step, { lang, formality, mood, vars: { name: null, signature: '^AB' } });
          expect([step, list.length]).toEqual([step, 3]);
        }
      });
      it('a reply built from one phrase per step passes the whole calm check', () => {
        const criticism = (['thank', 'empathise', 'own', 'offer', 'close'] as const).map((s) => suggestPhrases(s, { lang, formality, mood: 'criticism', vars: full })[0]?.text).join(' ');
        const praise = (['thank', 'liked', 'invite', 'close'] as const).map((s) => suggestPhrases(s, { lang, formality, mood: 'praise', vars: full })[0]?.text).join(' ');
        const opts = { lang, formality, allowedContacts: ['info@zonnig.nl'], signature: 'Sanne', reviewText: 'Het brood was oud.' };
        expect(lintReply(criticism, opts)).toEqual([]);
        expect(lintReply(praise, opts)).toEqual([]);
      });
    });
  }

  it('never mixes u and je inside a Dutch phrase form', () => {
    const u = /(?<![\p{L}])(?:u|uw|uzelf)(?![\p{L}])/iu;
    const je = /(?<![\p{L}])(?:je|jij|jou|jouw|jezelf)(?![\p{L}])/iu;
    for (const p of phraseLibrary.nl) {
      for (const text of [p.u.text, p.u.anonymous ?? '']) expect([p.id, je.test(text)]).toEqual([p.id, false]);
      for (const text of [p.je.text, p.je.anonymous ?? '']) expect([p.id, u.test(text)]).toEqual([p.id, false]);
    }
  });

  it('leaves out a phrase whose variable has no value (no contact set: no "{contact}" phrase)', () => {
    const ids = suggestPhrases('offer', { lang: 'en', formality: 'je', mood: 'criticism', vars: {}, count: 10 }).map((s) => s.id);
    expect(ids).not.toContain('en.offer.1');
    expect(ids).toContain('en.offer.3');
  });
});

describe('rotation', () => {
  it('puts phrases not used lately first, so consecutive replies differ', () => {
    const opts = { lang: 'nl' as const, formality: 'u' as const, mood: 'criticism' as const, vars: full };
    const first = suggestPhrases('own', opts);
    let recent: string[] = [];
    recent = rememberPhrase(recent, first[0]?.id ?? '');
    const second = suggestPhrases('own', { ...opts, recent });
    expect(second[0]?.id).not.toBe(first[0]?.id);
    expect(second.map((s) => s.id)).not.toContain(first[0]?.id);
    // After all were used, the one used longest ago comes first.
    for (const s of suggestPhrases('own', { ...opts, count: 10 })) recent = rememberPhrase(recent, s.id);
    expect(suggestPhrases('own', { ...opts, recent })[0]?.id).toBe(recent.filter((id) => id.startsWith('nl.own')).at(-1));
  });
  it('remembers at most 60 ids, the latest first, without duplicates', () => {
    let recent: string[] = [];
    for (let i = 0; i < 70; i++) recent = rememberPhrase(recent, `p${i % 65}`);
    expect(recent).toHaveLength(60);
    expect(recent[0]).toBe('p4');
    expect(new Set(recent).size).toBe(60);
  });
});

describe('names and topics', () => {
  it('uses a first name only when there is one', () => {
    expect(firstName('Anna de Vries', false)).toBe('Anna');
    expect(firstName('anna', false)).toBe('Anna');
    expect(firstName('A. de Vries', false)).toBeNull();
    expect(firstName('Anna', true)).toBeNull();
    expect(firstName('  ', false)).toBeNull();
    expect(firstName('Zoë Janssens', false)).toBe('Zoë');
  });
  it('quotes what a happy reviewer liked', () => {
    expect(likedTopic('De croissants zijn heerlijk en het personeel is super vriendelijk.', 'nl')).toBe('de croissants zijn heerlijk');
    expect(likedTopic('Great coffee, but the staff was slow.', 'en')).toBe('great coffee');
    expect(likedTopic('Meh.', 'en')).toBeNull();
    expect(likedTopic(null, 'nl')).toBeNull();
  });
});
