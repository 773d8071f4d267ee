/**
 * Service accounts and the OAuth 2.0 JWT bearer grant (RFC 7523) of the emulator's token endpoint, answering like
 * Google: the assertion's RS256 signature is checked against the public key of a key pair the test generated, then
 * the claims (iss = a known account, aud = this token endpoint, scope, iat/exp: at most one hour, within the allowed
 * clock skew). Refusals use OAuth's `{error, error_description}` body with Google's wording.
 */
import { createPublicKey, createVerify, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { BUSINESS_SCOPE, PLAY_SCOPE } from './tokens';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** How far the caller's clock may be off from the emulator's (Google allows a few minutes). */
export const ALLOWED_SKEW_SECONDS = 300;
const MAX_LIFETIME_SECONDS = 3600;
const KNOWN_SCOPES = new Set([BUSINESS_SCOPE, PLAY_SCOPE]);

/** Google's answers (as seen in the wild for service-account assertions). */
export const JWT_ERRORS = {
  signature: 'Invalid JWT Signature.',
  timeframe: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
  account: 'Invalid grant: account not found',
  audience: 'Invalid JWT: Failed audience check.',
  malformed: 'Invalid JWT: the assertion is malformed.',
  scope: 'Invalid OAuth scope or ID token audience provided.',
} as const;

interface Account { publicKey: KeyObject; keyId: string; disabled: boolean }

export type GrantOutcome = { ok: true; scope: string } | { ok: false; error: 'invalid_grant' | 'invalid_scope' | 'invalid_request'; description: string };

const decodePart = (part: string): Record<string, unknown> | null => {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export class ServiceAccountStore {
  private readonly accounts = new Map<string, Account>();
  /** The emulator's clock for the iat/exp checks (tests that move time move it too). */
  now: () => number = Date.now;

  constructor(private readonly tokenUrl: () => string) {}

  /** Registers a service account by its public key. */
  add(clientEmail: string, publicKeyPem: string, keyId: string): void {
    this.accounts.set(clientEmail, { publicKey: createPublicKey(publicKeyPem), keyId, disabled: false });
  }

  /** Deletes or disables an account: its assertions get "account not found". */
  disable(clientEmail: string): void {
    const a = this.accounts.get(clientEmail);
    if (a) a.disabled = true;
  }

  /**
   * A fresh key pair for a new service account, registered here, and the JSON key file Google Cloud would give
   * for it (token_uri points at the emulator).
   */
  createKey(clientEmail = `kalm-play@kalm-test-${randomUUID().slice(0, 8)}.iam.gserviceaccount.com`): Record<string, string> {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = randomUUID().replace(/-/g, '');
    this.add(clientEmail, publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId);
    const project = clientEmail.split('@')[1]?.split('.')[0] ?? 'kalm-test';
    return {
      type: 'service_account',
      project_id: project,
      private_key_id: keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: clientEmail,
      client_id: String(100000000000000000000n + BigInt(Math.floor(Math.random() * 1e9))),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: this.tokenUrl(),
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: 'googleapis.com',
    };
  }

  /** Checks an assertion; `nowMs` is the emulator's clock. */
  check(assertion: string | null, nowMs = this.now()): GrantOutcome {
    if (!assertion) return { ok: false, error: 'invalid_request', description: 'Missing required parameter: assertion' };
    const parts = assertion.split('.');
    const header = parts.length === 3 ? decodePart(parts[0] ?? '') : null;
    const claims = parts.length === 3 ? decodePart(parts[1] ?? '') : null;
    if (!header || !claims || header.alg !== 'RS256') return { ok: false, error: 'invalid_grant', description: JWT_ERRORS.malformed };
    const account = typeof claims.iss === 'string' ? this.accounts.get(claims.iss) : undefined;
    if (!account || account.disabled) return { ok: false, error: 'invalid_grant', description: JWT_ERRORS.account };
    const signed = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(account.publicKey, Buffer.from(parts[2] ?? '', 'base64url'));
    if (!signed || (header.kid !== undefined && header.kid !== account.keyId)) return { ok: false, error: 'invalid_grant', description: JWT_ERRORS.signature };
    if (claims.aud !== this.tokenUrl()) return { ok: false, error: 'invalid_grant', description: JWT_ERRORS.audience };
    const { iat, exp } = claims;
    const now = Math.floor(nowMs / 1000);
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat || exp - iat > MAX_LIFETIME_SECONDS
      || iat > now + ALLOWED_SKEW_SECONDS || exp < now - ALLOWED_SKEW_SECONDS) {
      return { ok: false, error: 'invalid_grant', description: JWT_ERRORS.timeframe };
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.has(s))) return { ok: false, error: 'invalid_scope', description: JWT_ERRORS.scope };
    return { ok: true, scope: scopes.join(' ') };
  }
}
