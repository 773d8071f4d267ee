import type { GoogleClientConfig } from './config';

/**
 * The publisher's own Google OAuth client (desktop type), baked into a published build by `npm run dist`
 * (scripts/dist.mjs reads KALM_GOOGLE_CLIENT_ID / KALM_GOOGLE_CLIENT_SECRET and esbuild defines this
 * constant in dist-electron/main.mjs). Never committed; absent in development and tests, where the
 * environment or Sources give the client. Google documents that an installed app's secret is not confidential.
 */
declare const __KALM_PUBLISHER_GOOGLE_CLIENT__: { clientId: string; clientSecret: string } | null | undefined;

export function publisherGoogleClient(): GoogleClientConfig | null {
  const baked = typeof __KALM_PUBLISHER_GOOGLE_CLIENT__ === 'undefined' ? null : __KALM_PUBLISHER_GOOGLE_CLIENT__;
  if (!baked || !baked.clientId) return null;
  return { clientId: baked.clientId, clientSecret: baked.clientSecret || undefined };
}
