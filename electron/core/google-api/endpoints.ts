/**
 * Where Kalm reaches Google, and the scopes it asks for: shared by both Google sources (Business Profile in
 * sources/google/, Play in sources/play/). Every root is configurable so the project's emulator (tests/emulator/)
 * stands in for Google in tests; the real endpoints are the default.
 */
export interface GoogleRoots {
  /** Origin only (e.g. http://127.0.0.1:5123); undefined = Google's real API hosts. */
  api: string | undefined;
  auth: string;
  token: string;
}

export const GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const BUSINESS_SCOPE = 'https://www.googleapis.com/auth/business.manage';
export const PLAY_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';

export const rootsFromEnv = (env: NodeJS.ProcessEnv = process.env): GoogleRoots => ({
  api: env.KALM_GOOGLE_API_ROOT ? new URL(env.KALM_GOOGLE_API_ROOT).origin : undefined,
  auth: env.KALM_GOOGLE_AUTH_URL || GOOGLE_AUTH_URL,
  token: env.KALM_GOOGLE_TOKEN_URL || GOOGLE_TOKEN_URL,
});
