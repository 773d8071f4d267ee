import type { Credentials, OAuth2Client } from 'google-auth-library';
import { KalmError } from '../../../../shared/domain/errors';
import type { GoogleRoots } from '../../google-api/endpoints';
import type { GoogleClientConfig } from './config';
import { GoogleHttpError, type GoogleHttp, type GoogleHttpRequest, type GoogleHttpResponse } from '../../google-api/http';
import { makeOAuthClient, signInWithGoogle, type SignInOptions } from './oauth';
import { redactSecrets, safeErrorText } from '../../google-api/redact';
import { mergeTokens, type StoredGoogleTokens, type TokenVault } from './token-vault';

/**
 * Kalm's authorised connection to Google: an OAuth2Client fed from the token vault. Every
 * refresh is written back to the vault; a revoked grant becomes a ReconnectNeededError and
 * leaves the vault (and all review data) alone; errors never carry a token.
 */

export const RECONNECT_MESSAGE =
  "Google no longer accepts Kalm's access (it was revoked or expired). Connect Google again in Sources; your reviews are kept.";
export const NOT_CONNECTED_MESSAGE = 'Google is not connected yet. Connect Google in Sources.';

/** The owner must sign in again; the source is marked "needs reconnect", its data kept. */
export class ReconnectNeededError extends KalmError {
  readonly reconnectNeeded = true;
  constructor(
    readonly reason: 'revoked' | 'not_connected',
    message: string = reason === 'revoked' ? RECONNECT_MESSAGE : NOT_CONNECTED_MESSAGE,
  ) {
    super('forbidden', message);
    this.name = 'ReconnectNeededError';
  }
}

/** True for the error that means "connect Google again" (works across module copies). */
export const isReconnectNeeded = (err: unknown): err is ReconnectNeededError =>
  err instanceof KalmError && (err as Partial<ReconnectNeededError>).reconnectNeeded === true;

export interface GoogleAuth {
  /** Authorised requests; throws GoogleHttpError or ReconnectNeededError. */
  http: GoogleHttp;
  hasTokens(): Promise<boolean>;
  /** Runs the consent flow and stores the grant in the vault. Returns the granted scopes. */
  connect(opts: Pick<SignInOptions, 'openBrowser' | 'scopes' | 'signal' | 'timeoutMs'>): Promise<{ scopes: string[] }>;
  /** Forgets the grant: clears the vault and, best effort, revokes it at Google. */
  disconnect(): Promise<{ revoked: boolean }>;
}

export interface GoogleAuthOptions {
  roots: GoogleRoots;
  client: GoogleClientConfig;
  vault: TokenVault;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Non-fatal problems (e.g. a refreshed token could not be saved); messages are redacted. */
  onWarning?: (message: string) => void;
}

// ---------- reading gaxios errors without relying on instanceof ----------

interface ErrorShape {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  config?: { url?: unknown };
  response?: { status?: unknown; statusText?: unknown; data?: unknown; headers?: unknown };
}

const shape = (err: unknown): ErrorShape => (typeof err === 'object' && err !== null ? (err as ErrorShape) : {});

const statusOf = (e: ErrorShape): number =>
  typeof e.status === 'number' ? e.status : typeof e.response?.status === 'number' ? e.response.status : 0;

/** Fetch-style Headers (checked by shape: gaxios may hand over another realm's Headers class). */
interface HeadersLike {
  get(name: string): string | null;
  forEach(fn: (value: string, key: string) => void): void;
}
const isHeadersLike = (h: unknown): h is HeadersLike =>
  typeof h === 'object' && h !== null && typeof (h as HeadersLike).get === 'function' && typeof (h as HeadersLike).forEach === 'function';

const headersToRecord = (headers: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isHeadersLike(headers)) headers.forEach((v, k) => (out[k.toLowerCase()] = v));
  else if (typeof headers === 'object' && headers !== null)
    for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
};

const headerOf = (headers: unknown, name: string): string | null => headersToRecord(headers)[name] ?? null;

/** Seconds from Retry-After (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** An OAuth token-endpoint answer ({"error": "invalid_grant"}) rather than an API envelope. */
const oauthErrorCode = (e: ErrorShape): string | null => {
  const data = e.response?.data as { error?: unknown } | undefined;
  return typeof data?.error === 'string' ? data.error : null;
};

const googleMessage = (data: unknown): string | null => {
  const err = (data as { error?: { message?: unknown } } | undefined)?.error;
  return typeof err?.message === 'string' ? err.message : null;
};

// ---------- the client ----------

export function createGoogleAuth(opts: GoogleAuthOptions): GoogleAuth {
  const { roots, client, vault } = opts;
  const oauth: OAuth2Client = makeOAuthClient(roots, client);
  let loaded: Promise<StoredGoogleTokens | null> | null = null;
  let stored: StoredGoogleTokens | null = null;
  let saving: Promise<void> = Promise.resolve();

  const secrets = (): string[] =>
    [client.clientSecret, stored?.access_token, stored?.refresh_token, stored?.id_token, oauth.credentials.access_token, oauth.credentials.refresh_token].filter(
      (s): s is string => typeof s === 'string',
    );
  const warn = (message: string) => opts.onWarning?.(redactSecrets(message, secrets()));

  // Refreshes (and the code exchange) land here; refresh answers lack refresh_token, so merge.
  oauth.on('tokens', (fresh: Credentials) => {
    const next = mergeTokens(stored, fresh);
    if (!next) return;
    stored = next;
    saving = saving
      .then(() => vault.save(next))
      .catch((err: unknown) => warn(`Kalm could not save the refreshed Google sign-in: ${safeErrorText(err, secrets())}`));
  });

  /** Loads the vault once (again after a failure or a reconnect-needed answer). */
  const ensureCredentials = async (): Promise<StoredGoogleTokens> => {
    loaded ??= vault.load().then((tokens) => {
      stored = tokens;
      oauth.setCredentials(tokens ? { ...tokens } : {});
      return tokens;
    });
    try {
      const tokens = await loaded;
      if (!tokens) throw new ReconnectNeededError('not_connected');
      return tokens;
    } catch (err) {
      loaded = null;
      throw err;
    }
  };

  /** Any failure as an error that is safe to show and log. */
  const translate = (err: unknown): Error => {
    if (err instanceof KalmError || err instanceof GoogleHttpError) return err;
    const e = shape(err);
    const status = statusOf(e);
    const oauthCode = oauthErrorCode(e);
    if (oauthCode === 'invalid_grant') {
      loaded = null; // re-read the vault next time: the owner may have connected again meanwhile
      return new ReconnectNeededError('revoked');
    }
    const known = secrets();
    if (oauthCode !== null) {
      const why = oauthCode === 'invalid_client' || oauthCode === 'unauthorized_client' ? ' Check the client ID and secret in Settings → Sources.' : '';
      return new GoogleHttpError(redactSecrets(`Google refused to refresh Kalm's access (${oauthCode}).${why}`, known), status, { error: oauthCode }, null);
    }
    if (status === 0) {
      const code = typeof e.code === 'string' ? ` (${e.code})` : '';
      return new GoogleHttpError(`Kalm could not reach Google${code}: ${safeErrorText(err, known, 200)}`, 0, null, null);
    }
    const body = e.response?.data ?? null;
    const text = googleMessage(body) ?? (typeof e.message === 'string' ? e.message : 'request failed');
    return new GoogleHttpError(
      redactSecrets(`Google answered ${status}: ${text}`, known).slice(0, 500),
      status,
      body,
      parseRetryAfter(headerOf(e.response?.headers, 'retry-after')),
    );
  };

  const send = async <T>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>> => {
    const params = req.params ? Object.fromEntries(Object.entries(req.params).filter(([, v]) => v !== undefined)) : undefined;
    const res = await oauth.request<T>({
      url: req.url,
      method: req.method ?? 'GET',
      params,
      data: req.data,
      retry: false, // the sync code decides about retries
      timeout: opts.timeoutMs ?? 30_000,
    });
    return { status: res.status, data: res.data, headers: headersToRecord(res.headers) };
  };

  const http: GoogleHttp = {
    async request<T = unknown>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>> {
      try {
        await ensureCredentials();
        try {
          return await send<T>(req);
        } catch (err) {
          // A 401 with a token we believed valid (revoked early, clock skew): refresh once and repeat.
          // The library only does this itself when no expiry_date is known.
          if (statusOf(shape(err)) !== 401 || oauthErrorCode(shape(err)) !== null) throw err;
          await oauth.refreshAccessToken();
          return await send<T>(req);
        }
      } catch (err) {
        throw translate(err);
      } finally {
        await saving;
      }
    },
  };

  return {
    http,
    async hasTokens() {
      return (await vault.load()) !== null;
    },
    async connect(signIn) {
      const tokens = await signInWithGoogle({ ...signIn, roots, client });
      const next = mergeTokens(null, tokens);
      if (!next) throw new ReconnectNeededError('not_connected', 'Google did not give Kalm lasting access. Connect again.');
      await saving;
      await vault.save(next);
      stored = next;
      oauth.setCredentials({ ...next });
      loaded = Promise.resolve(next);
      return { scopes: (next.scope ?? '').split(' ').filter(Boolean) };
    },
    async disconnect() {
      const tokens = stored ?? (await vault.load().catch(() => null));
      await saving;
      await vault.clear();
      stored = null;
      loaded = null;
      oauth.setCredentials({});
      const token = tokens?.refresh_token ?? tokens?.access_token;
      if (!token) return { revoked: false };
      try {
        // Google's revoke endpoint sits next to the token endpoint (…/token → …/revoke).
        await oauth.transporter.request({ url: new URL('revoke', roots.token).toString(), method: 'POST', data: new URLSearchParams({ token }), timeout: 10_000, retry: false });
        return { revoked: true };
      } catch {
        return { revoked: false };
      }
    },
  };
}

export interface ConnectFromCliOptions extends Pick<SignInOptions, 'scopes' | 'signal' | 'timeoutMs'> {
  roots: GoogleRoots;
  client: GoogleClientConfig;
  vault: TokenVault;
  /** False for `--no-open`: only print the URL. */
  open: boolean;
  /** Writes one line to stdout. */
  print: (line: string) => void;
  /** Opens a URL in the user's browser (electron/web-host/open-browser.ts openInBrowser). */
  openInBrowser: (url: string) => unknown;
}

/**
 * `kalm connect google [--no-open]`: prints the consent URL alone on a line (it starts with
 * http), opens it unless told not to, waits on the loopback and stores the grant in the vault.
 */
export async function connectGoogleFromCli(opts: ConnectFromCliOptions): Promise<{ scopes: string[] }> {
  const auth = createGoogleAuth({ roots: opts.roots, client: opts.client, vault: opts.vault });
  return auth.connect({
    scopes: opts.scopes,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    openBrowser: (url) => {
      opts.print(url);
      if (!opts.open) return;
      // The URL is printed, so a browser that does not open is not a failure.
      try {
        Promise.resolve(opts.openInBrowser(url)).catch(() => undefined);
      } catch {
        /* printed anyway */
      }
    },
  });
}
