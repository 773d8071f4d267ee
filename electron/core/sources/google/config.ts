import type { GoogleRoots } from '../../google-api/endpoints';

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
