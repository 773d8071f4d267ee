import { z } from 'zod';
import { Label } from '../domain/label';
import { LabelRule } from './label-schema';

/**
 * Contract shapes of the working habits (issue 10): labels and rules, notes,
 * assignees, hand-off to departments, alerts and the data folder.
 */
const ReviewIdField = z.string().min(1).max(500);
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

export const Forward = z.object({
  schemaVersion: z.literal(1),
  reviewId: z.string().min(1),
  departmentId: z.string().min(1),
  departmentName: z.string(),
  email: z.string(),
  forwardedAt: z.iso.datetime({ offset: true }),
  state: z.enum(['open', 'handled']),
  handledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Forward = z.infer<typeof Forward>;

export const ForwardResult = z.object({ forward: Forward, mailto: z.string(), text: z.string() });

export const NewReviewAlert = z.object({
  reviewId: z.string(),
  rating: z.number().int().min(1).max(5),
  author: z.string(),
  locationName: z.string().nullable(),
  /** The start of the review's text (may be empty). */
  excerpt: z.string(),
});
export type NewReviewAlert = z.infer<typeof NewReviewAlert>;

export const BackupResult = z.object({ path: z.string(), files: z.number().int(), bytes: z.number().int() });

/** Background sync as the Settings page shows it. */
export const BackgroundStatus = z.object({
  /** `off`: interval 0 or a host that does not run it (CLI); `paused`: offline or battery saver (see `pausedBy`). */
  state: z.enum(['off', 'waiting', 'syncing', 'retrying', 'paused']),
  pausedBy: z.enum(['offline', 'battery-saver']).nullable(),
  intervalMinutes: z.number().int(),
  /** What this platform lets Kalm see: a power-saving mode (`saver`), only battery power (`battery`), or nothing. */
  power: z.object({ detects: z.enum(['saver', 'battery', 'none']), saver: z.boolean(), onBattery: z.boolean().nullable() }),
});
export type BackgroundStatus = z.infer<typeof BackgroundStatus>;

export const habitCalls = {
  'labels.list': { input: z.object({}).strict(), output: LabelsView },
  /** Creates (no id) or renames/recolours a label. Names are unique, ignoring case. */
  'labels.save': { input: LabelSaveInput, output: Label },
  /** Deletes a label, takes it off every review and drops its rules. */
  'labels.delete': { input: z.object({ id: LabelId }).strict(), output: z.object({ changed: z.number().int() }) },
  /** Adds and/or removes labels on many reviews at once. */
  'labels.apply': { input: LabelApplyInput, output: z.object({ changed: z.number().int() }) },
  /** Replaces the auto-label rules (the order is the order they run in). */
  'labels.saveRules': { input: z.object({ rules: z.array(LabelRule).max(500) }).strict(), output: z.object({ rules: z.array(LabelRule) }) },
  /** How many reviews a rule would hit now, without changing anything. */
  'labels.previewRule': { input: z.object({ rule: LabelRule }).strict(), output: z.object({ matches: z.number().int(), wouldAdd: z.number().int() }) },
  /** Runs the rules over every review now (sync runs them on new and changed reviews). */
  'labels.runRules': { input: z.object({}).strict(), output: z.object({ changed: z.number().int() }) },
  /** The private note of a review (never sent anywhere); empty = none. */
  'reviews.setNote': { input: z.object({ reviewId: ReviewIdField, note: z.string().max(10_000) }).strict(), output: z.object({}) },
  /** Who handles the review (a team member id from Settings, or null). */
  'reviews.assign': { input: z.object({ reviewId: ReviewIdField, assignee: z.string().min(1).max(100).nullable() }).strict(), output: z.object({}) },
  /** Marks the review forwarded to a department and gives the mailto: link and text to send. */
  'handoff.forward': { input: z.object({ reviewId: ReviewIdField, departmentId: z.string().min(1).max(100) }).strict(), output: ForwardResult },
  'handoff.setState': { input: z.object({ reviewId: ReviewIdField, state: z.enum(['open', 'handled']) }).strict(), output: Forward },
  'handoff.list': { input: z.object({ state: z.enum(['open', 'handled']).optional() }).strict(), output: z.object({ forwards: z.array(Forward) }) },
  /** Opens the data folder in the file manager (Electron); elsewhere `opened` is false and the page shows the path. */
  'data.openFolder': { input: z.object({}).strict(), output: z.object({ opened: z.boolean(), path: z.string() }) },
  /** Writes a zip of the data folder (without the lock file) next to it, or into `targetDir`. */
  'data.backup': { input: z.object({ targetDir: z.string().min(1).max(2000).optional() }).strict(), output: BackupResult },
  /** Background sync: running, waiting, or paused (offline, battery saver), and what the platform can detect. */
  'background.status': { input: z.object({}).strict(), output: BackgroundStatus },
} as const;

export const habitEvents = {
  /** A new review at or below the alert threshold arrived (once per review). */
  'alerts.newReview': NewReviewAlert,
  /** The label definitions or rules changed. */
  'labels.changed': z.object({}),
  'handoff.changed': z.object({}),
  /** The desktop shell asks the page to show this review (its notification was clicked). */
  'alerts.open': z.object({ reviewId: z.string() }),
  /** Background sync changed state (paused, waiting, syncing…); clients re-read `background.status`. */
  'background.changed': z.object({}),
} as const;
