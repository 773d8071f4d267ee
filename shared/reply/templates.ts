/**
 * Reply templates: the owner's own saved replies (several variants each, rotated automatically) and
 * Kalm's built-in starters per rating band, with the phrase library's variables.
 */
import { z } from 'zod';
import type { Formality, ReplyLanguage } from './lint/types';
import { phraseLibrary, type PhraseVars } from './phrases';
import type { PhraseStep } from './phrases/types';

export const TEMPLATE_SCHEMA_VERSION = 1;
export const TemplateBand = z.enum(['criticism', 'praise', 'any']);
export type TemplateBand = z.infer<typeof TemplateBand>;

const Variant = z.string().trim().min(1, 'a variant needs some text').max(4096, 'a variant is at most 4096 characters');

/** What the owner saves (id absent: a new template). */
export const TemplateInput = z
  .object({
    id: z.string().regex(/^t-[\w-]{1,60}$/, 'a template id looks like t-…').optional(),
    name: z.string().trim().min(1, 'give the template a name').max(120),
    lang: z.enum(['nl', 'en']),
    band: TemplateBand,
    variants: z.array(Variant).min(1).max(10),
  })
  .strict();
export type TemplateInput = z.infer<typeof TemplateInput>;

export const ReplyTemplate = z.object({
  schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string(),
  lang: z.enum(['nl', 'en']),
  band: TemplateBand,
  variants: z.array(z.string()).min(1),
  builtIn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

const FLOWS: Record<Exclude<TemplateBand, 'any'>, PhraseStep[]> = {
  criticism: ['thank', 'empathise', 'own', 'offer', 'close'],
  praise: ['thank', 'liked', 'invite', 'close'],
};

/** Kalm's starters: per language and band, three variants built from the phrase library (one per phrase rank). */
export function builtInTemplates(formality: Formality): ReplyTemplate[] {
  const out: ReplyTemplate[] = [];
  for (const lang of ['nl', 'en'] as const) {
    for (const band of ['criticism', 'praise'] as const) {
      const variants = [0, 1, 2].map((rank) =>
        FLOWS[band]
          .map((step) => {
            const phrases = phraseLibrary[lang].filter((p) => p.step === step && (p.mood === band || p.mood === 'any') && !/\{(?:topic|location|business|contact)\}/.test(p[formality].text));
            const p = phrases[rank % phrases.length];
            return p ? p[formality].text : '';
          })
          .join(' ')
          .replace(/ (Kind regards|Best wishes|Warm regards|Met vriendelijke groet|Met hartelijke groet|Vriendelijke groeten|Groeten|Hartelijke groet|Tot ziens),/u, '\n\n$1,'),
      );
      out.push({
        schemaVersion: TEMPLATE_SCHEMA_VERSION, id: `builtin-${lang}-${band}`, name: `builtin.${band}`, lang, band, variants,
        builtIn: true, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
  }
  return out;
}

/**
 * A template's text with the variables filled in. A missing name leaves a neutral greeting
 * ("Beste {name}," → "Beste,"; "Hi {name}," → "Hi,"); other missing values stay visible as
 * {contact} etc., so the owner sees what to fill in.
 */
export function renderTemplate(text: string, vars: PhraseVars): string {
  const name = vars.name?.trim() ?? '';
  return text
    .replace(/ ?\{name\}/g, name ? ` ${name}` : '')
    .replace(/^ /, '')
    .replace(/\{(business|location|contact|signature|topic)\}/g, (whole, key: keyof PhraseVars) => {
      const value = vars[key];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : whole;
    });
}

/** The variant to use now: the one used longest ago (ids `<template>#<index>` in `recent`, most recent first). */
export function pickVariant(template: Pick<ReplyTemplate, 'id' | 'variants'>, recent: readonly string[]): { index: number; useId: string } {
  let best = 0;
  let bestRank = -1;
  template.variants.forEach((_, i) => {
    const at = recent.indexOf(`${template.id}#${i}`);
    const rank = at === -1 ? Number.MAX_SAFE_INTEGER : at;
    if (rank > bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  return { index: best, useId: `${template.id}#${best}` };
}

/** Templates matching a search (name or text, accents ignored), for a band and language; built-ins last. */
export function searchTemplates(list: readonly ReplyTemplate[], query: string, filter: { lang: ReplyLanguage; band: Exclude<TemplateBand, 'any'> }, names: (t: ReplyTemplate) => string): ReplyTemplate[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  return list
    .filter((t) => t.lang === filter.lang && (t.band === 'any' || t.band === filter.band))
    .filter((t) => q === '' || fold(names(t)).includes(q) || t.variants.some((v) => fold(v).includes(q)))
    .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || names(a).localeCompare(names(b)));
}
