/**
 * Wire shapes of the Google emulator (mirroring Google's JSON exactly) and its public option types.
 * Optional fields are absent on the wire when unset, as in proto3 JSON.
 */

export type StarRating = 'STAR_RATING_UNSPECIFIED' | 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';

export const STAR_VALUES: Readonly<Record<StarRating, number>> = {
  STAR_RATING_UNSPECIFIED: 0, ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5,
};

export interface Reviewer {
  profilePhotoUrl?: string;
  displayName?: string;
  isAnonymous: boolean;
}

export interface ReviewReply {
  comment: string;
  updateTime: string;
}

/** v4 Review; `name` is `accounts/{a}/locations/{l}/reviews/{r}`. */
export interface Review {
  name: string;
  reviewId: string;
  reviewer: Reviewer;
  starRating: StarRating;
  /** Absent on rating-only reviews. */
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: ReviewReply;
}

/** v1 Account (Account Management). */
export interface Account {
  name: string;
  accountName: string;
  type: 'PERSONAL' | 'LOCATION_GROUP' | 'USER_GROUP' | 'ORGANIZATION';
  role?: 'PRIMARY_OWNER' | 'OWNER' | 'MANAGER' | 'SITE_MANAGER';
  verificationState?: 'VERIFICATION_STATE_UNSPECIFIED' | 'VERIFIED' | 'UNVERIFIED' | 'VERIFICATION_REQUESTED';
  vettedState?: 'VETTED_STATE_UNSPECIFIED' | 'NOT_VETTED' | 'VETTED' | 'INVALID';
  permissionLevel?: 'PERMISSION_LEVEL_UNSPECIFIED' | 'OWNER_LEVEL' | 'MEMBER_LEVEL';
}

export interface PostalAddress {
  regionCode: string;
  languageCode?: string;
  postalCode?: string;
  locality?: string;
  addressLines?: string[];
}

export interface LocationMetadata {
  placeId?: string;
  mapsUri?: string;
  newReviewUri?: string;
}

/** v1 Location (Business Information); `name` is `locations/{l}` only. */
export interface Location {
  name: string;
  title: string;
  storeCode?: string;
  storefrontAddress?: PostalAddress;
  metadata?: LocationMetadata;
}

export interface SeedLocation extends Location {
  /** Full v4 reviews; their `name` must start with `{account.name}/{location.name}/reviews/`. */
  reviews: Review[];
}

export interface SeedAccount extends Account {
  /** Locations this account owns directly. */
  locations: SeedLocation[];
}

/** Everything the emulator serves. The first account should be the PERSONAL one (Google lists it first). */
export interface EmulatorSeed {
  accounts: SeedAccount[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path, without the query. */
  path: string;
  /** Query parameters; `token`, `code` and `access_token` values are redacted. */
  query: Record<string, string>;
  /** Epoch milliseconds. */
  at: number;
  /** True when a valid, unexpired bearer access token came with the request. */
  authorized: boolean;
  /** HTTP status sent (set when the answer went out; 0 for a dropped connection). */
  status?: number;
}

export interface FaultSpec {
  /** Matches the decoded path (a string matches when the path contains it). */
  match: string | RegExp;
  method?: string;
  /** HTTP status to answer with; optional when only `delayMs` is wanted. */
  status?: number;
  retryAfterSeconds?: number;
  /** How many matching requests it hits (default 1; Infinity = until cleared). */
  times?: number;
  /** Wait before answering (or before serving normally when no status/malformed/body). */
  delayMs?: number;
  /** Serve the request (it takes effect, as at Google once a request arrived) and only then hold the answer this long. */
  answerDelayMs?: number;
  /** Answer 200 with a truncated, unparseable JSON body. */
  malformed?: true;
  /** Use Google's real envelopes: 429 quota-0 (unapproved project) or 403 SERVICE_DISABLED. */
  body?: 'quota-zero' | 'service-disabled';
}

export interface FaultSwitches {
  add(fault: FaultSpec): void;
  clear(): void;
  /** true: every connection is destroyed at once (the client sees a network error); false: back to normal. */
  down(on: boolean): void;
  /** Faults still armed. */
  readonly pending: number;
}
