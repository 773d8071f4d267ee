/** Google Business Profile limits Kalm checks before sending. */

/** A reply's `comment` may be at most 4096 bytes of UTF-8 (not characters: 'é' is 2, an emoji 4 or more). */
export const MAX_REPLY_BYTES = 4096;

/** Size of a string in UTF-8 bytes (what Google counts). */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** Review list pages hold at most 50 reviews; account pages 20; location pages 100. */
export const REVIEW_PAGE_SIZE = 50;
export const ACCOUNT_PAGE_SIZE = 20;
export const LOCATION_PAGE_SIZE = 100;

/** Location names in one batchGetReviews call (Google allows 200; 50 keeps each call's pages small). */
export const BATCH_LOCATIONS = 50;

/** The v1 fields Kalm reads from a location. */
export const LOCATION_READ_MASK = 'name,title,storeCode,storefrontAddress,metadata';
