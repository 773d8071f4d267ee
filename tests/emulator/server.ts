/** The emulator's HTTP server: records each request, applies faults, serves OAuth, checks the bearer token, routes the API. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { makeData, type EmulatorData } from './data';
import { Faults, serviceOf } from './faults';
import { handleAuthorize, handleRevoke, handleToken, type ConsentMode } from './oauth';
import { ApiError, sendError, sendJson } from './respond';
import { playRoute, route } from './routes';
import { PlayStore } from './play';
import { ServiceAccountStore } from './service-accounts';
import { fixturesSeed } from './seed-fixtures';
import { EmulatorStore } from './store';
import { BUSINESS_SCOPE, DEFAULT_SCOPE, PLAY_SCOPE, TokenStore } from './tokens';
import type { EmulatorSeed, FaultSwitches, RecordedRequest } from './types';

export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /** Default: the fixtures business (seed-fixtures.ts). */
  seed?: EmulatorSeed;
  /** What the (UI-less) consent screen answers. Default 'auto' (grant). */
  consent?: ConsentMode;
}

export interface GoogleEmulator {
  origin: string;
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  clientId: string;
  clientSecret: string;
  requests: RecordedRequest[];
  data: EmulatorData;
  /** Google Play reviews per package (add reviews, read replies). */
  play: PlayStore;
  /** Service accounts for the JWT bearer grant (createKey() gives a JSON key file for a new one). */
  serviceAccounts: ServiceAccountStore;
  faults: FaultSwitches;
  tokens: {
    expireAll(): void;
    revokeAll(): void;
    issueFor(scope?: string | string[]): { access_token: string; refresh_token: string };
  };
  /** Change the consent answer for later sign-ins. */
  setConsent(mode: ConsentMode): void;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_ID = 'kalm-test-client.apps.googleusercontent.com';
export const DEFAULT_CLIENT_SECRET = 'kalm-test-secret';

const REDACTED = new Set(['token', 'code', 'access_token', 'refresh_token', 'client_secret']);
const MISSING_CREDENTIALS = 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
/** Exactly error-401-unauthenticated.json's message. */
const INVALID_CREDENTIALS = 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export async function startGoogleEmulator(opts: EmulatorOptions = {}): Promise<GoogleEmulator> {
  const client = { clientId: opts.clientId ?? DEFAULT_CLIENT_ID, clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET };
  const store = new EmulatorStore(opts.seed ?? fixturesSeed());
  const play = new PlayStore();
  const tokens = new TokenStore();
  const serviceAccounts = new ServiceAccountStore(() => `${origin}/token`);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const faults = new Faults(() => { for (const s of sockets) s.destroy(); });
  let consent: ConsentMode = opts.consent ?? 'auto';
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', origin);
    const path = decodePath(url.pathname);
    const bearer = tokens.check(req.headers.authorization);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = REDACTED.has(k) ? '<redacted>' : v;
    const record: RecordedRequest = { method, path, query, at: Date.now(), authorized: bearer.ok };
    requests.push(record);
    res.on('finish', () => { record.status = res.statusCode; });
    res.on('close', () => { record.status ??= 0; });

    const fault = faults.take(method, path);
    if (fault && (await faults.apply(fault, path, res))) return;

    if (path === '/o/oauth2/v2/auth' && method === 'GET') return handleAuthorize(url, res, client, tokens, consent);
    if (path === '/token' && method === 'POST') return handleToken(req, res, client, tokens, serviceAccounts);
    if (path === '/revoke' && method === 'POST') return handleRevoke(req, url, res, tokens);

    const isPlay = path.startsWith('/androidpublisher/');
    const handler = isPlay ? playRoute(play, method, path, url, req) : route(store, method, path, url, req);
    if (!handler) throw new ApiError(404, 'NOT_FOUND', `Method not found: ${method} ${path}`);
    if (!bearer.ok) {
      throw new ApiError(401, 'UNAUTHENTICATED', bearer.reason === 'missing' ? MISSING_CREDENTIALS : INVALID_CREDENTIALS, undefined,
        { 'WWW-Authenticate': `Bearer realm="https://accounts.google.com/"${bearer.reason === 'invalid' ? ', error="invalid_token"' : ''}` });
    }
    if (!bearer.scope.split(' ').includes(isPlay ? PLAY_SCOPE : BUSINESS_SCOPE)) {
      throw new ApiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [{
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com',
        metadata: { service: serviceOf(path).service },
      }]);
    }
    const answer = await handler();
    if (fault?.answerDelayMs) await new Promise((ok) => setTimeout(ok, fault.answerDelayMs));
    sendJson(res, 200, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) { res.destroy(); return; }
      if (err instanceof ApiError) sendError(res, err);
      else sendError(res, new ApiError(500, 'INTERNAL', `Internal error encountered. (${err instanceof Error ? err.message : String(err)})`));
    });
  });
  server.on('connection', (socket: Socket) => {
    if (faults.isOff) { socket.destroy(); return; }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    authUrl: `${origin}/o/oauth2/v2/auth`,
    tokenUrl: `${origin}/token`,
    revokeUrl: `${origin}/revoke`,
    ...client,
    requests,
    data: makeData(store),
    play,
    serviceAccounts,
    faults,
    tokens: {
      expireAll: () => tokens.expireAll(),
      revokeAll: () => tokens.revokeAll(),
      issueFor: (scope = DEFAULT_SCOPE) => tokens.issue(client.clientId, Array.isArray(scope) ? scope.join(' ') : scope),
    },
    setConsent: (mode) => { consent = mode; },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
