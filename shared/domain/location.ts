import { z } from 'zod';

export const Location = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  name: z.string(),
  storeCode: z.string().nullable(),
  address: z.string().nullable(),
  mapsUrl: z.string().nullable(),
  newReviewUrl: z.string().nullable(),
});
export type Location = z.infer<typeof Location>;
