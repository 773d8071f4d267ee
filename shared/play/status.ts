import { z } from 'zod';
import { IsoTime } from '../domain/review';

export const PlayStatus = z.object({
  apps: z.array(z.object({ packageName: z.string(), lastSyncAt: IsoTime.nullable() })),
  signingIn: z.boolean(),
  lastError: z.string().nullable(),
});
export type PlayStatus = z.infer<typeof PlayStatus>;

export const PlaySyncTotals = z.object({
  apps: z.number().int(),
  fetched: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  warnings: z.array(z.string()),
});
export type PlaySyncTotals = z.infer<typeof PlaySyncTotals>;
