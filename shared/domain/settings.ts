import { z } from 'zod';

export const SETTINGS_SCHEMA_VERSION = 1;

/** User settings, kept in settings.json through electron-store (conf outside Electron). */
export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  language: z.enum(['en', 'nl']).nullable(),
  businessName: z.string(),
  /** Contact channel offered in replies (phone, e-mail or contact page) — the business's, never a reviewer's. */
  contact: z.string(),
  signature: z.string(),
  formality: z.enum(['je', 'u']),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => ({
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  language: null,
  businessName: '',
  contact: '',
  signature: '',
  formality: 'je',
});
