/** Where an average sits against the 4.2–4.6 band that converts best (WEBCARE.md). */
export type Band = 'below' | 'trusted' | 'perfect' | 'none';
export const TRUSTED_BAND = { low: 4.2, high: 4.6 } as const;
export const bandOf = (average: number | null): Band =>
  average === null ? 'none' : average < TRUSTED_BAND.low ? 'below' : average <= TRUSTED_BAND.high ? 'trusted' : 'perfect';
