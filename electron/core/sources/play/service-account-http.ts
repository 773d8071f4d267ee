import { z } from 'zod';
import type { ServiceAccountKey } from '../../../../shared/play/service-account';
import { PLAY_SCOPE } from '../../google-api/endpoints';
import { GoogleApiError } from '../../google-api/errors';
import { GoogleHttpError, type GoogleHttp, type GoogleHttpRequest, type GoogleHttpResponse } from '../../google-api/http';
import { sendWithBearer } from '../../google-api/bearer-fetch';
import { redactSecrets } from '../../google-api/redact';
import { JWT_BEARER_GRANT, privateKeyOf, signServiceAccountJwt } from './service-account-jwt';

/** A cached token is replaced this long before it expires (as google-auth-library does). */
export const EARLY_REFRESH_MS = 5 * 60_000;

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional(), token_type: z.string().optional() });
const OAuthError = z.object({ error: z.string(), error_description: z.string().optional() });

export interface ServiceAccountHttp extends GoogleHttp {
  /** Token requests made so far (tests check the caching). */
  readonly tokenRequests: number;
  /** Gets a token now (connecting checks the key this way). */
  token(): Promise<string>;
}

export interface ServiceAccountHttpOptions {
  key: ServiceAccountKey;
  /** The token endpoint (KALM_GOOGLE_TOKEN_URL; Google's by default): also the JWT's `aud`. */
  tokenUrl: string;
  scope?: string;
  now?: () => Date;
  timeoutMs?: number;
}

/** What Google's token endpoint said about the key, in words the owner can act on. */
function refusal(email: string, status: number, body: unknown): GoogleApiError {
  const parsed = OAuthError.safeParse(body);
  const code = parsed.success ? parsed.data.error : `HTTP ${status}`;
  const said = parsed.success ? (parsed.data.error_description ?? '') : '';
  let message: string;
  if (/short-lived|timeframe|\biat\b|\bexp\b/i.test(said)) {
    message = "Google refused the service-account sign-in because this computer's clock is off (the token's time is outside what Google accepts). Set the clock to the right time (automatic time), then try again.";
  } else if (/signature/i.test(said)) {
    message = `Google refused the key of ${email}: its signature does not match (the key was deleted or replaced in Google Cloud). Create a new JSON key and add it again.`;
  } else if (/not found|invalid_client|account/i.test(`${said} ${code}`)) {
    message = `Google does not know the service account ${email} (it was deleted or disabled). Check it in Google Cloud → IAM → Service accounts.`;
  } else if (code === 'invalid_scope') {
    message = 'Google refused the Google Play scope for this service account.';
  } else {
    message = `Google refused the service-account key of ${email} (${code}${said ? `: ${said.slice(0, 160)}` : ''}).`;
  }
  return new GoogleApiError('forbidden', message, 'auth', status, false);
}

/**
 * Kalm's authorised HTTP seam for a Google Play service account: an access token from the OAuth 2.0 JWT
 * bearer grant (RFC 7523), cached until shortly before it expires, and plain fetch for the API calls
 * (non-2xx → GoogleHttpError like the OAuth seam). A 401 with a cached token gets one new token and one retry.
 */
export function createServiceAccountHttp(opts: ServiceAccountHttpOptions): ServiceAccountHttp {
  const now = opts.now ?? (() => new Date());
  const timeout = opts.timeoutMs ?? 30_000;
  const privateKey = privateKeyOf(opts.key);
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  let tokenRequests = 0;

  const fetchToken = async (): Promise<string> => {
    tokenRequests++;
    const { assertion } = signServiceAccountJwt(opts.key, { scope: opts.scope ?? PLAY_SCOPE, audience: opts.tokenUrl, now: now(), privateKey });
    let res: Response;
    try {
      res = await fetch(opts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (err) {
      throw new GoogleHttpError(`Kalm could not reach Google: ${redactSecrets(err instanceof Error ? err.message : String(err), [assertion]).slice(0, 200)}`, 0, null, null);
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      if (res.status >= 500 || res.status === 429) throw new GoogleHttpError(`Google's sign-in answered ${res.status}`, res.status, body, null);
      throw refusal(opts.key.client_email, res.status, body);
    }
    const answer = TokenAnswer.safeParse(body);
    if (!answer.success) throw new GoogleApiError('internal', 'Google sent a sign-in answer Kalm could not read; nothing was changed. Try again later.', 'invalid_response', res.status, false);
    const lifetimeMs = (answer.data.expires_in ?? 3600) * 1000;
    cached = { token: answer.data.access_token, expiresAt: now().getTime() + lifetimeMs };
    return cached.token;
  };

  const token = (): Promise<string> => {
    if (cached && now().getTime() < cached.expiresAt - EARLY_REFRESH_MS) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => (pending = null));
    return pending;
  };

  const send = <T>(req: GoogleHttpRequest, bearer: string): Promise<GoogleHttpResponse<T>> => sendWithBearer<T>(req, bearer, { timeoutMs: timeout });

  return {
    get tokenRequests() {
      return tokenRequests;
    },
    token,
    async request<T = unknown>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>> {
      const first = await token();
      try {
        return await send<T>(req, first);
      } catch (err) {
        // Revoked early or the clock jumped: one fresh token, one more try.
        if (!(err instanceof GoogleHttpError && err.status === 401)) throw err;
        cached = null;
        return send<T>(req, await token());
      }
    },
  };
}
