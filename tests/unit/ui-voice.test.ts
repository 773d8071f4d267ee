import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, type LocaleTree } from '../../shared/locales';

/**
 * One voice, one word per concept: every UI string in Dutch uses je/jouw
 * (never u/uw), and no UI string uses a word the glossary says to avoid.
 * The glossary (docs/GLOSSARY.md) is the source of the avoided words.
 */

type Lang = 'en' | 'nl';

const flatten = (tree: LocaleTree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));

/** Quoted text is an example of a reply (which follows the owner's choice), not the UI speaking. */
const withoutQuotes = (text: string): string => text.replace(/"[^"]*"|“[^”]*”|‘[^’]*’|«[^»]*»/g, '""');

/** Strings that name the two forms of address themselves (the reply-tone setting), not the UI's voice. */
const NAMES_THE_FORMS = new Set(['composer.settings.formality_u', 'composer.settings.formalityHint']);

/** `u`/`uw` as a form of address; a `u` after a number or placeholder is the unit for hours ("24 u"). */
export function formalAddress(text: string): string[] {
  const hits: string[] = [];
  for (const m of withoutQuotes(text).matchAll(/\b(uw|u|uzelf)\b/gi)) {
    const before = text.slice(0, m.index).trimEnd();
    if (m[1]?.toLowerCase() === 'u' && /(\d|\}\})$/.test(before)) continue;
    hits.push(m[0]);
  }
  return hits;
}

/** The glossary's avoided words per language, read from the table in docs/GLOSSARY.md. */
export function avoidedWords(markdown: string): Record<Lang, string[]> {
  const out: Record<Lang, string[]> = { en: [], nl: [] };
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | concept | English | Avoid (EN) | Nederlands | Vermijd (NL) |
    if (cells.length !== 7 || cells[1] === 'Concept' || cells[1]?.startsWith('---')) continue;
    const words = (cell: string | undefined) => (cell ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '' && w !== '—');
    out.en.push(...words(cells[3]));
    out.nl.push(...words(cells[5]));
  }
  return out;
}

/** Established names that contain an avoided word but mean something else (with the reason). */
const ALLOWED: Record<string, string> = {};

export function glossaryProblems(lang: Lang, entries: [string, string][], avoid: string[]): string[] {
  const problems: string[] = [];
  for (const [key, text] of entries) {
    if (ALLOWED[`${lang}:${key}`]) continue;
    const plain = withoutQuotes(text);
    for (const word of avoid) {
      if (new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(plain)) problems.push(`${lang} ${key}: "${word}" — ${text}`);
    }
  }
  return problems;
}

const glossary = readFileSync(join(__dirname, '../../docs/GLOSSARY.md'), 'utf8');

describe('the Dutch UI speaks with one voice (je)', () => {
  it('no Dutch UI string addresses the user with u/uw', () => {
    const problems = flatten(locales.nl)
      .filter(([key]) => !NAMES_THE_FORMS.has(key))
      .flatMap(([key, text]) => formalAddress(text).map((hit) => `${key}: "${hit}" — ${text}`));
    expect(problems).toEqual([]);
  });

  it('catches u/uw, but not a reply example in quotes or the unit for hours', () => {
    expect(formalAddress('Kies eerst wie u bent')).toEqual(['u']);
    expect(formalAddress('Uw telefoonnummer')).toEqual(['Uw']);
    expect(formalAddress('Niet zo: "sorry dat u ontevreden bent".')).toEqual([]);
    expect(formalAddress('Doel: {{hours}} u, nu 30 u')).toEqual([]);
    expect(formalAddress('Kies wie je bent')).toEqual([]);
  });
});

describe('one word per concept (docs/GLOSSARY.md)', () => {
  const avoid = avoidedWords(glossary);

  it('the glossary lists words to avoid in both languages', () => {
    expect(avoid.nl).toEqual(expect.arrayContaining(['vestiging', 'antwoord', 'recensie']));
    expect(avoid.en).toEqual(expect.arrayContaining(['branch']));
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`no ${lang} UI string uses a synonym the glossary avoids`, () => {
      expect(glossaryProblems(lang, flatten(locales[lang]), avoid[lang])).toEqual([]);
    });
  }

  it('catches a synonym as a whole word only', () => {
    expect(glossaryProblems('nl', [['x', 'Alle vestigingen']], ['vestigingen'])).toHaveLength(1);
    expect(glossaryProblems('nl', [['x', 'De review beantwoorden']], ['antwoord'])).toEqual([]);
  });
});
