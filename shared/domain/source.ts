import { z } from 'zod';
import { IsoTime } from './review';

export const SourceKind = z.enum(['google-business', 'google-play', 'file-import']);
export type SourceKind = z.infer<typeof SourceKind>;

export const SourceState = z.enum(['demo', 'connected', 'needsReconnect', 'disconnected']);
export type SourceState = z.infer<typeof SourceState>;

export const Source = z.object({
  /** Short id used in review ids and filters, e.g. "google", "play", "trustpilot". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: SourceKind,
  name: z.string(),
  state: SourceState,
  lastSyncAt: IsoTime.nullable(),
});
export type Source = z.infer<typeof Source>;
