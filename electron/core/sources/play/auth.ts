import { parseServiceAccountKey, serviceAccountInfo, type ServiceAccountInfo, type ServiceAccountKey } from '../../../../shared/play/service-account';
import type { GoogleHttp } from '../../google-api/http';
import type { PlayKeyStore } from './key-store';
import { createServiceAccountHttp, type ServiceAccountHttp } from './service-account-http';

/** How Kalm signs in to Google Play: a service-account key when one is stored, else the owner's Google sign-in. */
export interface PlayAuth {
  http(): Promise<GoogleHttp>;
  /** The stored service account, or null (the Google sign-in is used). */
  serviceAccount(): Promise<ServiceAccountInfo | null>;
  /** Checks the key (zod, then a token from Google) and stores it; nothing is stored when either fails. */
  useKey(text: string): Promise<ServiceAccountInfo>;
  forgetKey(): Promise<void>;
}

export interface PlayAuthDeps {
  keyStore: PlayKeyStore;
  /** The token endpoint (KALM_GOOGLE_TOKEN_URL or Google's). */
  tokenUrl: string;
  /** The owner's Google sign-in (OAuth with the androidpublisher scope). */
  google: () => GoogleHttp;
  now: () => Date;
}

export function createPlayAuth(deps: PlayAuthDeps): PlayAuth {
  // One seam per key, so its access token is cached between syncs and replies.
  let current: { key: ServiceAccountKey; http: ServiceAccountHttp } | null = null;
  const seam = (key: ServiceAccountKey): ServiceAccountHttp => createServiceAccountHttp({ key, tokenUrl: deps.tokenUrl, now: deps.now });
  const sameKey = (a: ServiceAccountKey, b: ServiceAccountKey) => a.client_email === b.client_email && a.private_key === b.private_key;

  return {
    async http() {
      const key = await deps.keyStore.load();
      if (!key) {
        current = null;
        return deps.google();
      }
      if (!current || !sameKey(current.key, key)) current = { key, http: seam(key) };
      return current.http;
    },
    async serviceAccount() {
      const key = await deps.keyStore.load();
      return key ? serviceAccountInfo(key) : null;
    },
    async useKey(text) {
      const key = parseServiceAccountKey(text);
      const http = seam(key);
      await http.token();
      await deps.keyStore.save(key);
      current = { key, http };
      return serviceAccountInfo(key);
    },
    async forgetKey() {
      await deps.keyStore.clear();
      current = null;
    },
  };
}
