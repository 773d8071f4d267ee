import { z } from 'zod';

export const LABEL_SCHEMA_VERSION = 1;

export const Label = z.object({
  schemaVersion: z.literal(LABEL_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1).max(60),
  /** A CSS hex colour, e.g. #0f766e. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Label = z.infer<typeof Label>;
