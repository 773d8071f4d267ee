/**
 * Google resource names. v1 gives a location as `locations/{l}`; the v4 review calls need the account
 * it was listed under: `accounts/{a}/locations/{l}` (the "v4 parent"). Kalm's Location.id is `{l}`.
 */

/** Kalm's source id for Google Business Profile (review ids are `google:{l}:{reviewId}`). */
export const GOOGLE_SOURCE_ID = 'google';

const LOCATION = /(?:^|\/)locations\/([^/]+)$/;
const REVIEW = /^(accounts\/[^/]+\/locations\/([^/]+))\/reviews\/([^/]+)$/;

/** `{l}` from `locations/{l}` or `accounts/{a}/locations/{l}`; null when it is neither. */
export function locationIdOf(name: string): string | null {
  const m = LOCATION.exec(name);
  return m?.[1] ?? null;
}

/** `accounts/{a}/locations/{l}` from the account name and the v1 location name. */
export function v4ParentOf(accountName: string, locationName: string): string {
  return `${accountName.replace(/\/+$/, '')}/${locationName.replace(/^\/+/, '')}`;
}

/** The parts of a v4 review name, or null when it is not one. */
export function parseReviewName(name: string): { v4Parent: string; locationId: string; reviewId: string } | null {
  const m = REVIEW.exec(name);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  return { v4Parent: m[1], locationId: m[2], reviewId: m[3] };
}

/** The v4 review name of a review Kalm holds (its location's v4 parent + its external id). */
export const reviewNameOf = (v4Parent: string, externalId: string): string => `${v4Parent}/reviews/${externalId}`;
