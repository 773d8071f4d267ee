/**
 * Where Kalm reaches Google. Every root is configurable so the project's emulator
 * (tests/emulator/) stands in for Google in tests; the real endpoints are the default.
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

/** The OAuth client (desktop type) the owner created in Google Cloud. */
export interface GoogleClientConfig {
  clientId: string;
  clientSecret: string | undefined;
  /** The publisher's client baked into a published build (built-in-client.ts), not one the owner gave. */
  publisher?: boolean;
}

export const clientFromEnv = (env: NodeJS.ProcessEnv = process.env): GoogleClientConfig | null =>
  env.KALM_GOOGLE_CLIENT_ID ? { clientId: env.KALM_GOOGLE_CLIENT_ID, clientSecret: env.KALM_GOOGLE_CLIENT_SECRET || undefined } : null;

/** Full URL of a Business Profile v4 resource (no generated client exists for v4). */
export const v4Url = (roots: GoogleRoots, name: string): string =>
  new URL(`v4/${name}`, roots.api ? `${roots.api}/` : 'https://mybusiness.googleapis.com/').toString();

/** Root URL for the generated v1 clients (origin only: they drop any path). */
export const v1RootUrl = (roots: GoogleRoots): string | undefined => (roots.api ? `${roots.api}/` : undefined);
