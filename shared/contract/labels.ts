import { z } from 'zod';
import { Label } from '../domain/label';
import { LabelRule } from '../labels/label-schema';
import { call, NoInput, ReviewIdField, Signal } from './fields';

const LabelId = z.string().min(1).max(100);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb, e.g. #0f766e');

export const LabelsView = z.object({
  labels: z.array(Label),
  rules: z.array(LabelRule),
  /** Reviews carrying each label (deleted ones excluded), by label id. */
  counts: z.record(z.string(), z.number().int()),
});
export type LabelsView = z.infer<typeof LabelsView>;

export const LabelSaveInput = z.object({ id: LabelId.optional(), name: z.string().trim().min(1).max(60), color: Colour }).strict();

export const LabelApplyInput = z
  .object({
    reviewIds: z.array(ReviewIdField).min(1).max(100_000),
    add: z.array(LabelId).max(50).default([]),
    remove: z.array(LabelId).max(50).default([]),
  })
  .strict();

/** Labels on reviews, and the rules that put them there automatically. */
export const labelCalls = {
  'labels.list': call(NoInput, LabelsView),
  /** Creates (no id) or renames/recolours a label. Names are unique, ignoring case. */
  'labels.save': call(LabelSaveInput, Label),
  /** Deletes a label, takes it off every review and drops its rules. */
  'labels.delete': call(z.object({ id: LabelId }).strict(), z.object({ changed: z.number().int() })),
  /** Adds and/or removes labels on many reviews at once. */
  'labels.apply': call(LabelApplyInput, z.object({ changed: z.number().int() })),
  /** Replaces the auto-label rules (the order is the order they run in). */
  'labels.saveRules': call(z.object({ rules: z.array(LabelRule).max(500) }).strict(), z.object({ rules: z.array(LabelRule) })),
  /** How many reviews a rule would hit now, without changing anything. */
  'labels.previewRule': call(z.object({ rule: LabelRule }).strict(), z.object({ matches: z.number().int(), wouldAdd: z.number().int() })),
  /** Runs the rules over every review now (sync runs them on new and changed reviews). */
  'labels.runRules': call(NoInput, z.object({ changed: z.number().int() })),
} as const;

export const labelEvents = {
  /** The label definitions or rules changed. */
  'labels.changed': Signal,
} as const;
