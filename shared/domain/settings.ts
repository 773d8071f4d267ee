import { z } from 'zod';
import { isTimeZone } from '../time/zoned';

export const SETTINGS_SCHEMA_VERSION = 1;

const Hours = z.number().positive().max(24 * 60);
/** Messages of the refinements, turned into a sentence in the UI language by `checkSettingsPatch`. */
export const CLOSE_BEFORE_OPEN = 'closes before it opens';
export const UNKNOWN_TIME_ZONE = 'unknown time zone';
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, e.g. 09:00');

/** Opening hours of one weekday (0 = Sunday … 6 = Saturday); null = closed that day. */
export const DayHours = z
  .object({ open: Clock, close: Clock })
  .refine((h) => h.close > h.open, { message: CLOSE_BEFORE_OPEN, path: ['close'] })
  .nullable();

export const Department = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().max(320),
});
export type Department = z.infer<typeof Department>;

export const TeamMember = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
});
export type TeamMember = z.infer<typeof TeamMember>;

/**
 * User settings, kept under `preferences` in settings.json through
 * electron-store (conf outside Electron). Every field has a default, so a
 * file from an older version (missing fields) still reads; unknown fields
 * are dropped.
 */
export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  /** UI language; null = follow the system. */
  language: z.enum(['en', 'nl']).nullable().default(null),
  businessName: z.string().max(200).default(''),
  /** Contact channel offered in replies (phone, e-mail or contact page) — the business's, never a reviewer's. */
  contact: z.string().max(500).default(''),
  /** Who signs replies: a first name ("Anna") or webcare initials ("^AB"). */
  signer: z.string().max(100).default(''),
  /** Optional extra sign-off line after the signer, e.g. "Team Bakkerij De Zon". */
  signature: z.string().max(500).default(''),
  /** Dutch address: formal u or informal je; a reply never mixes them. */
  formality: z.enum(['je', 'u']).default('u'),
  emojiAllowed: z.boolean().default(false),
  /** The pause before the editor unlocks on a 1–2★ review (WEBCARE: stay calm). */
  coolDown: z.object({ enabled: z.boolean(), seconds: z.number().int().min(0).max(3600) }).default({ enabled: true, seconds: 60 }),
  /** Reply-time targets in hours per source id; `import` applies to every imported source without its own. */
  replyTargetHours: z.record(z.string().min(1).max(100), Hours).default({ google: 24, play: 48, import: 72 }),
  /** Business hours in which reply targets count; off = every hour counts. */
  businessHours: z
    .object({ enabled: z.boolean(), timeZone: z.string().min(1).max(100).refine(isTimeZone, UNKNOWN_TIME_ZONE), days: z.array(DayHours).length(7) })
    .default({
      enabled: false,
      timeZone: 'Europe/Amsterdam',
      days: [null, { open: '09:00', close: '17:00' }, { open: '09:00', close: '17:00' }, { open: '09:00', close: '17:00' }, { open: '09:00', close: '17:00' }, { open: '09:00', close: '17:00' }, null],
    }),
  departments: z.array(Department).max(200).default([]),
  team: z.array(TeamMember).max(500).default([]),
  /** The team member using this copy of Kalm ("assigned to me"). */
  me: z.string().max(100).nullable().default(null),
  /** Notify about each new review at or below this rating; null = no alerts. */
  alertMaxRating: z.number().int().min(1).max(5).nullable().default(2),
  /** Background sync interval while Kalm runs; 0 = off. */
  syncIntervalMinutes: z.number().int().min(0).max(24 * 60).default(15),
  startAtLogin: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

type NoDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer I> ? I : S[K] };
/** The fields without their defaults: a patch must not fill in (and so reset) the fields it does not name. */
const withoutDefaults = <S extends z.ZodRawShape>(shape: S): NoDefaults<S> =>
  Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f instanceof z.ZodDefault ? f.unwrap() : f])) as NoDefaults<S>;

/** What `settings.update` takes: any top-level fields; the result must still be valid as a whole. */
export const SettingsPatch = z.object(withoutDefaults(Settings.omit({ schemaVersion: true }).shape)).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const defaultSettings = (): Settings => Settings.parse({});
