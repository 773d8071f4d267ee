import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials, OAuth2Client } from 'google-auth-library';
import { lazyRequire } from '../../lazy-require';
import { KalmError, type ErrorCode } from '../../../../shared/domain/errors';
import { BUSINESS_SCOPE, type GoogleRoots, PLAY_SCOPE } from '../../google-api/endpoints';
import type { GoogleClientConfig } from './config';
import { redactSecrets, safeErrorText } from '../../google-api/redact';

/**
 * Google sign-in for a desktop app (RFC 8252): a one-shot listener on 127.0.0.1 (random port)
 * receives the redirect, PKCE S256 binds the code to this process, a random `state` binds the
 * redirect to this sign-in. The browser gets a small page saying how it went.
 */

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** business.manage always; androidpublisher when the owner also connects Google Play. */
export const googleScopes = (opts: { play?: boolean } = {}): string[] => (opts.play ? [BUSINESS_SCOPE, PLAY_SCOPE] : [BUSINESS_SCOPE]);

/** google-auth-library loads at the first sign-in or token refresh, not when Kalm starts. */
const googleAuth = lazyRequire<typeof import('google-auth-library')>('google-auth-library');

export const makeOAuthClient = (roots: GoogleRoots, client: GoogleClientConfig): OAuth2Client =>
  new (googleAuth().OAuth2Client)({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    endpoints: { oauth2AuthBaseUrl: roots.auth, oauth2TokenUrl: roots.token },
  });

export interface SignInOptions {
  roots: GoogleRoots;
  client: GoogleClientConfig;
  /** Default: business.manage only (see googleScopes). */
  scopes?: readonly string[];
  /** Shows the consent URL: opens the browser, prints it, or (in tests) fetches it. */
  openBrowser: (url: string) => unknown;
  signal?: AbortSignal;
  /** Default 5 minutes. */
  timeoutMs?: number;
}

export type SignInFailure = 'denied' | 'state_mismatch' | 'google_error' | 'exchange_failed' | 'no_refresh_token' | 'browser' | 'timeout' | 'cancelled';

/** Why a sign-in did not finish; the message is written for the owner and holds no secret. */
export class GoogleSignInError extends KalmError {
  constructor(
    readonly reason: SignInFailure,
    message: string,
    code: ErrorCode = 'forbidden',
  ) {
    super(code, message);
    this.name = 'GoogleSignInError';
  }
}

// ---------- the page the browser shows ----------

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1.5rem;color:#1f2933;line-height:1.5}h1{font-size:1.4rem;font-weight:600}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>
`;

const send = (res: ServerResponse, status: number, html: string): Promise<void> =>
  new Promise((resolve) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    });
    res.end(html, () => resolve());
  });

const notFound = (res: ServerResponse): void => {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end('Not found');
};

// ---------- messages ----------

const DENIED = 'Google sign-in was cancelled: Kalm was not given access to your Business Profile. Nothing was saved; connect again when you are ready.';
const MISMATCH = 'This Google answer does not belong to the sign-in Kalm started (state mismatch), so Kalm ignored it. Nothing was saved; start connecting again from Kalm.';

/** Google's `error` values are short identifiers; anything else is not echoed. */
const cleanErrorCode = (raw: string): string => (/^[a-z0-9_.-]{1,64}$/i.test(raw) ? raw : 'unknown_error');

/** The token endpoint's refusal as a message without secrets. */
function exchangeFailure(err: unknown, known: string[]): GoogleSignInError {
  const e = err as { status?: unknown; response?: { status?: unknown; data?: unknown } } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.response?.status === 'number' ? e.response.status : 0;
  const data = e?.response?.data as { error?: unknown; error_description?: unknown } | undefined;
  const code = typeof data?.error === 'string' ? cleanErrorCode(data.error) : '';
  const detail = typeof data?.error_description === 'string' ? redactSecrets(data.error_description, known).slice(0, 200) : '';
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new GoogleSignInError('exchange_failed', `Google refused Kalm's OAuth client (${code}). Check the client ID and secret in Settings → Sources.`);
  }
  if (status === 0) {
    return new GoogleSignInError('exchange_failed', `Kalm could not reach Google to finish signing in (${safeErrorText(err, known, 120)}). Check the connection and try again.`, 'internal');
  }
  const why = [code, detail].filter(Boolean).join(': ') || `HTTP ${status}`;
  return new GoogleSignInError('exchange_failed', `Google did not finish the sign-in (${why}). Nothing was saved; try connecting again.`);
}

// ---------- the flow ----------

/**
 * Runs the whole consent flow and returns Google's credentials (with a refresh token).
 * Saves nothing: the caller stores the result (see createGoogleAuth().connect).
 */
export async function signInWithGoogle(opts: SignInOptions): Promise<Credentials> {
  const { signal } = opts;
  if (signal?.aborted) throw new GoogleSignInError('cancelled', 'Google sign-in was cancelled.', 'internal');
  const oauth = makeOAuthClient(opts.roots, opts.client);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const known: string[] = [opts.client.clientSecret ?? ''];
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;

  try {
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    known.push(codeVerifier);
    const state = randomBytes(24).toString('base64url');
    const authUrl = oauth.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [...(opts.scopes ?? googleScopes())],
      state,
      redirect_uri: redirectUri,
      code_challenge: codeChallenge,
      code_challenge_method: googleAuth().CodeChallengeMethod.S256,
    });

    return await new Promise<Credentials>((resolve, reject) => {
      // `claimed`: a redirect was accepted (later ones are told so); `settled`: the promise has its answer.
      let claimed = false;
      let settled = false;
      const fail = (err: GoogleSignInError) => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      const succeed = (tokens: Credentials) => {
        if (settled) return;
        settled = true;
        resolve(tokens);
      };

      timer = setTimeout(
        () => fail(new GoogleSignInError('timeout', 'Google sign-in took too long (no answer from the browser). Nothing was saved; try connecting again.', 'internal')),
        opts.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
      );
      onAbort = () => fail(new GoogleSignInError('cancelled', 'Google sign-in was cancelled.', 'internal'));
      signal?.addEventListener('abort', onAbort, { once: true });

      const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        const url = new URL(req.url ?? '/', redirectUri);
        const q = url.searchParams;
        // Browsers also ask for /favicon.ico and may prefetch; only the redirect itself counts.
        if (req.method !== 'GET' || url.pathname !== '/' || (!q.has('code') && !q.has('error'))) return notFound(res);
        if (claimed || settled) return send(res, 409, page('This sign-in has already finished', 'You can close this tab and go back to Kalm.'));
        if (q.get('state') !== state) {
          claimed = true;
          await send(res, 400, page('Kalm could not connect', MISMATCH));
          return fail(new GoogleSignInError('state_mismatch', MISMATCH));
        }
        const error = q.get('error');
        if (error !== null) {
          claimed = true;
          const code = cleanErrorCode(error);
          const message =
            code === 'access_denied' ? DENIED : `Google could not sign you in (${code}). Nothing was saved; try connecting again from Kalm.`;
          await send(res, 400, page(code === 'access_denied' ? 'Kalm was not connected' : 'Kalm could not connect', message));
          return fail(new GoogleSignInError(code === 'access_denied' ? 'denied' : 'google_error', message));
        }
        claimed = true;
        const code = q.get('code') ?? '';
        known.push(code);
        let tokens: Credentials;
        try {
          ({ tokens } = await oauth.getToken({ code, codeVerifier, redirect_uri: redirectUri }));
        } catch (err) {
          const failure = exchangeFailure(err, known);
          await send(res, 502, page('Kalm could not connect', failure.message));
          return fail(failure);
        }
        if (!tokens.refresh_token) {
          const failure = new GoogleSignInError(
            'no_refresh_token',
            'Google did not give Kalm lasting access (no refresh token). Remove Kalm under "Third-party apps" in your Google account, then connect again.',
          );
          await send(res, 502, page('Kalm could not connect', failure.message));
          return fail(failure);
        }
        await send(res, 200, page('Kalm is connected', 'Kalm is connected. You can close this tab.'));
        succeed(tokens);
      };

      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        handle(req, res).catch((err: unknown) => {
          if (!res.headersSent) notFound(res);
          fail(new GoogleSignInError('exchange_failed', `Google sign-in failed: ${safeErrorText(err, known)}`, 'internal'));
        });
      });

      Promise.resolve()
        .then(() => opts.openBrowser(authUrl))
        .catch((err: unknown) =>
          fail(new GoogleSignInError('browser', `Kalm could not open the Google sign-in page: ${safeErrorText(err, known)}`, 'internal')),
        );
    });
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeAllConnections();
  }
}
