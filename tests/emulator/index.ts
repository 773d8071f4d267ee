/** Kalm's Google emulator (OAuth, Account Management v1, Business Information v1, Business Profile reviews v4) for tests. */
export { startGoogleEmulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './server';
export type { EmulatorOptions, GoogleEmulator } from './server';
export type { EmulatorData, EmulatorLocation, NewReview, ReviewPatch } from './data';
export { fixturesSeed, FIXTURE_ACCOUNT, FIXTURE_UTRECHT, FIXTURE_AMERSFOORT, PERSONAL_ACCOUNT } from './seed-fixtures';
export { BUSINESS_SCOPE, PLAY_SCOPE, DEFAULT_SCOPE, ACCESS_TTL_SECONDS, s256 } from './tokens';
export { MAX_REPLY_BYTES, MAX_BATCH_LOCATIONS } from './api-v4';
export type {
  Account, EmulatorSeed, FaultSpec, FaultSwitches, Location, RecordedRequest, Review, ReviewReply, Reviewer, SeedAccount,
  SeedLocation, StarRating,
} from './types';
export { seedCustom, seedLarge } from './seed-generated';
export type { CustomSeedOptions } from './seed-generated';
export { fetchHttp } from './fetch-http';
export { PlayStore, playTime, PLAY_MAX_REPLY_CHARS, PLAY_WINDOW_DAYS } from './play';
export type { PlayReviewSeed, PlayUserComment, PlayTimestamp } from './play';
export { ServiceAccountStore, JWT_BEARER, JWT_ERRORS, ALLOWED_SKEW_SECONDS } from './service-accounts';
