import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { KalmError } from '../../../../shared/domain/errors';
import type { ServiceAccountKey } from '../../../../shared/play/service-account';

/** Google takes assertions that live at most an hour (RFC 7523 §3: a short lifetime). */
export const JWT_LIFETIME_SECONDS = 3600;
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** The private key of a service account as a KeyObject; a clear message when the PEM does not parse. */
export function privateKeyOf(key: ServiceAccountKey): KeyObject {
  try {
    const k = createPrivateKey({ key: key.private_key, format: 'pem' });
    if (k.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return k;
  } catch {
    throw new KalmError('invalid_input', 'This is not a usable Google service-account key: its "private_key" could not be read as an RSA key. Download a new JSON key in Google Cloud.', [{ path: 'key', message: 'private_key is not an RSA key' }]);
  }
}

export interface JwtClaims {
  iss: string;
  scope: string;
  aud: string;
  iat: number;
  exp: number;
}

/**
 * The signed assertion of the OAuth 2.0 JWT bearer grant (RFC 7523) as Google documents it for service
 * accounts: header {alg: RS256, typ: JWT, kid: private_key_id}, claims iss = client_email, scope, aud = the token
 * endpoint, iat = now, exp = iat + at most one hour; signed with RSASSA-PKCS1-v1_5 SHA-256.
 */
export function signServiceAccountJwt(key: ServiceAccountKey, opts: { scope: string; audience: string; now: Date; lifetimeSeconds?: number; privateKey?: KeyObject }): { assertion: string; claims: JwtClaims } {
  const iat = Math.floor(opts.now.getTime() / 1000);
  const lifetime = Math.min(JWT_LIFETIME_SECONDS, Math.max(60, opts.lifetimeSeconds ?? JWT_LIFETIME_SECONDS));
  const claims: JwtClaims = { iss: key.client_email, scope: opts.scope, aud: opts.audience, iat, exp: iat + lifetime };
  const header = { alg: 'RS256', typ: 'JWT', ...(key.private_key_id ? { kid: key.private_key_id } : {}) };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(opts.privateKey ?? privateKeyOf(key));
  return { assertion: `${signingInput}.${b64url(signature)}`, claims };
}
