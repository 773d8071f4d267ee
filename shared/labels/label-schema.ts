import { z } from 'zod';
import { Label, LABEL_SCHEMA_VERSION } from '../domain/label';

export { Label, LABEL_SCHEMA_VERSION };

/** A colour the label picker offers first; any #rrggbb works. */
export const LABEL_COLOURS = ['#0f766e', '#b45309', '#7c3aed', '#be123c', '#1d4ed8', '#4d7c0f', '#a16207', '#475569'] as const;

/** Two label names are the same label when they differ only in case, accents and outer spaces ("Café " = "cafe"). */
export const labelNameKey = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

const Id = z.string().min(1).max(100);

/**
 * An auto-label rule: when every condition that is set holds, the review gets
 * the label. Words are alternatives (any one matches), each a whole word or a
 * phrase of whole words, compared without case and accents ("cafe" = "Café").
 */
export const LabelRule = z.object({
  id: Id,
  labelId: Id,
  enabled: z.boolean().default(true),
  words: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  minRating: z.number().int().min(1).max(5).nullable().default(null),
  maxRating: z.number().int().min(1).max(5).nullable().default(null),
  sources: z.array(Id).max(50).default([]),
  locationIds: z.array(z.string().min(1).max(200)).max(500).default([]),
});
export type LabelRule = z.output<typeof LabelRule>;
export type LabelRuleInput = z.input<typeof LabelRule>;

export const LABELS_FILE_VERSION = 1;

/** `labels.json` in the data folder: the label definitions and the rules, in the order they run. */
export const LabelsFile = z.object({
  schemaVersion: z.literal(LABELS_FILE_VERSION),
  labels: z.array(Label).max(500),
  rules: z.array(LabelRule).max(500),
});
export type LabelsFile = z.output<typeof LabelsFile>;
