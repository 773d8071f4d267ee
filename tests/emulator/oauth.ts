/**
 * OAuth endpoints: GET /o/oauth2/v2/auth (consent, no UI: answers with the loopback redirect at once),
 * POST /token (authorization_code with PKCE S256, refresh_token; ClientSecretPost or Basic) and POST /revoke.
 * Token-endpoint errors use OAuth's `{error, error_description}` body, not Google's API envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './respond';
import { JWT_BEARER, type ServiceAccountStore } from './service-accounts';
import { ACCESS_TTL_SECONDS, s256, type TokenStore } from './tokens';

export interface OAuthClient { clientId: string; clientSecret: string }
export type ConsentMode = 'auto' | 'deny';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Google shows an error page (not a redirect) when the request itself is bad. */
function errorPage(res: ServerResponse, status: number, error: string, description: string): void {
  const html = `<!doctype html><title>Error ${status}: ${escapeHtml(error)}</title>` +
    `<h1>Error ${status}: ${escapeHtml(error)}</h1><p>${escapeHtml(description)}</p>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

/** Loopback redirect of a desktop client: http://127.0.0.1:<port>[/path] or http://localhost:<port>[/path]. */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.port !== ''
    && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
}

export function handleAuthorize(url: URL, res: ServerResponse, client: OAuthClient, tokens: TokenStore, consent: ConsentMode): void {
  const q = url.searchParams;
  const clientId = q.get('client_id');
  if (!clientId) return errorPage(res, 400, 'invalid_request', 'Missing required parameter: client_id');
  if (clientId !== client.clientId) return errorPage(res, 401, 'invalid_client', 'The OAuth client was not found.');
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return errorPage(res, 400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!isLoopbackRedirect(redirectUri)) {
    return errorPage(res, 400, 'redirect_uri_mismatch', `The redirect URI ${redirectUri} is not a loopback address of a desktop client.`);
  }
  if (q.get('response_type') !== 'code') return errorPage(res, 400, 'unsupported_response_type', 'response_type must be code.');
  const scope = (q.get('scope') ?? '').trim().split(/\s+/).filter(Boolean).join(' ');
  if (!scope) return errorPage(res, 400, 'invalid_request', 'Missing required parameter: scope');
  const challenge = q.get('code_challenge');
  if (!challenge || q.get('code_challenge_method') !== 'S256') {
    return errorPage(res, 400, 'invalid_request', 'PKCE is required here: code_challenge with code_challenge_method=S256.');
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return errorPage(res, 400, 'invalid_request', 'Invalid code_challenge.');
  const state = q.get('state');
  const target = new URL(redirectUri);
  if (consent === 'deny') {
    target.searchParams.set('error', 'access_denied');
  } else {
    target.searchParams.set('code', tokens.newCode({ clientId, redirectUri, challenge, scope }));
    target.searchParams.set('scope', scope);
  }
  if (state !== null) target.searchParams.set('state', state);
  res.writeHead(302, { Location: target.toString(), 'Content-Length': 0 });
  res.end();
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
  const text = await readBody(req);
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const obj: unknown = JSON.parse(text);
      const params = new URLSearchParams();
      if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) params.set(k, String(v));
      return params;
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

/** client_id/client_secret from the body (ClientSecretPost) or an Authorization: Basic header. */
function clientCredentials(req: IncomingMessage, p: URLSearchParams): { id: string | null; secret: string | null } {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (m) {
    const [id, secret] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: p.get('client_id'), secret: p.get('client_secret') };
}

export async function handleToken(req: IncomingMessage, res: ServerResponse, client: OAuthClient, tokens: TokenStore, accounts?: ServiceAccountStore): Promise<void> {
  const p = await readParams(req);
  // A service account signs its own assertion: no client id or secret (RFC 7523 §2.1).
  if (p.get('grant_type') === JWT_BEARER && accounts) {
    const outcome = accounts.check(p.get('assertion'));
    if (!outcome.ok) return oauthError(res, 400, outcome.error, outcome.description);
    return sendJson(res, 200, { access_token: tokens.issueAccessOnly(outcome.scope), expires_in: ACCESS_TTL_SECONDS, token_type: 'Bearer' });
  }
  const { id, secret } = clientCredentials(req, p);
  if (!id) return oauthError(res, 400, 'invalid_request', 'Could not determine client ID from request.');
  if (id !== client.clientId) return oauthError(res, 401, 'invalid_client', 'The OAuth client was not found.');
  if (!secret) return oauthError(res, 400, 'invalid_request', 'client_secret is missing.');
  if (secret !== client.clientSecret) return oauthError(res, 401, 'invalid_client', 'Unauthorized');
  const grantType = p.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = p.get('code');
    if (!code) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: code');
    const grant = tokens.takeCode(code);
    if (!grant || grant.clientId !== id) return oauthError(res, 400, 'invalid_grant', 'Malformed auth code.');
    if (p.get('redirect_uri') !== grant.redirectUri) return oauthError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
    const verifier = p.get('code_verifier');
    if (!verifier) return oauthError(res, 400, 'invalid_grant', 'Missing code verifier.');
    if (s256(verifier) !== grant.challenge) return oauthError(res, 400, 'invalid_grant', 'Invalid code verifier.');
    const issued = tokens.issue(id, grant.scope);
    return sendJson(res, 200, {
      access_token: issued.access_token, expires_in: ACCESS_TTL_SECONDS, refresh_token: issued.refresh_token,
      scope: grant.scope, token_type: 'Bearer',
    });
  }
  if (grantType === 'refresh_token') {
    const refreshToken = p.get('refresh_token');
    if (!refreshToken) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: refresh_token');
    const fresh = tokens.refreshAccess(refreshToken, id);
    if (!fresh) return oauthError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
    return sendJson(res, 200, { access_token: fresh.access_token, expires_in: ACCESS_TTL_SECONDS, scope: fresh.scope, token_type: 'Bearer' });
  }
  if (!grantType) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: grant_type');
  return oauthError(res, 400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
}

/** POST /revoke?token=… (or token in the form body): revokes the whole grant. */
export async function handleRevoke(req: IncomingMessage, url: URL, res: ServerResponse, tokens: TokenStore): Promise<void> {
  const token = url.searchParams.get('token') ?? (await readParams(req)).get('token');
  if (!token || !tokens.revoke(token)) return oauthError(res, 400, 'invalid_token', 'Token expired or revoked');
  sendJson(res, 200, {});
}
