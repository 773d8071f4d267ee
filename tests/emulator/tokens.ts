/** OAuth grants of the emulator: authorization codes (with their PKCE challenge), access and refresh tokens. */
import { createHash, randomBytes } from 'node:crypto';

export const BUSINESS_SCOPE = 'https://www.googleapis.com/auth/business.manage';
export const PLAY_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
export const DEFAULT_SCOPE = `${BUSINESS_SCOPE} ${PLAY_SCOPE}`;
/** Google's access-token lifetime as reported in `expires_in`. */
export const ACCESS_TTL_SECONDS = 3599;
const CODE_TTL_MS = 10 * 60 * 1000;

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
}

interface AccessRecord { expiresAt: number; scope: string; refresh: string | null; revoked: boolean }
interface RefreshRecord { clientId: string; scope: string; revoked: boolean }

export type BearerCheck = { ok: true; scope: string } | { ok: false; reason: 'missing' | 'invalid' };

const random = (n: number): string => randomBytes(n).toString('base64url');

/** base64url(SHA-256(verifier)), the S256 code challenge of RFC 7636. */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export class TokenStore {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  newCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
    const code = `4/0AEmu-${random(24)}`;
    this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_TTL_MS });
    return code;
  }

  /** Takes a code out (single use: any exchange attempt consumes it). Undefined when unknown, used or expired. */
  takeCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > Date.now() ? grant : undefined;
  }

  /** A new refresh token plus its first access token. */
  issue(clientId: string, scope: string): { access_token: string; refresh_token: string } {
    const refresh_token = `1//09emu-${random(32)}`;
    this.refresh.set(refresh_token, { clientId, scope, revoked: false });
    return { access_token: this.newAccess(scope, refresh_token), refresh_token };
  }

  /** A fresh access token for a live refresh token of this client; undefined = invalid_grant. */
  refreshAccess(refreshToken: string, clientId: string): { access_token: string; scope: string } | undefined {
    const rec = this.refresh.get(refreshToken);
    if (!rec || rec.revoked || rec.clientId !== clientId) return undefined;
    return { access_token: this.newAccess(rec.scope, refreshToken), scope: rec.scope };
  }

  /** An access token without a refresh token (the JWT bearer grant of a service account). */
  issueAccessOnly(scope: string): string {
    return this.newAccess(scope, null);
  }

  private newAccess(scope: string, refresh: string | null): string {
    const token = `ya29.emu-${random(32)}`;
    this.access.set(token, { expiresAt: Date.now() + ACCESS_TTL_SECONDS * 1000, scope, refresh, revoked: false });
    return token;
  }

  check(authorization: string | undefined): BearerCheck {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return { ok: false, reason: 'missing' };
    const rec = this.access.get(m[1]!);
    if (!rec || rec.revoked || rec.expiresAt <= Date.now()) return { ok: false, reason: 'invalid' };
    return { ok: true, scope: rec.scope };
  }

  /** Revokes the whole grant an access or refresh token belongs to; false when the token is unknown. */
  revoke(token: string): boolean {
    const acc = this.access.get(token);
    const refreshToken = acc ? acc.refresh : this.refresh.has(token) ? token : undefined;
    if (!acc && refreshToken === undefined) return false;
    if (acc) acc.revoked = true;
    if (refreshToken) {
      const rec = this.refresh.get(refreshToken);
      if (rec) rec.revoked = true;
      for (const a of this.access.values()) if (a.refresh === refreshToken) a.revoked = true;
    }
    return true;
  }

  expireAll(): void {
    for (const a of this.access.values()) a.expiresAt = 0;
  }

  revokeAll(): void {
    for (const a of this.access.values()) a.revoked = true;
    for (const r of this.refresh.values()) r.revoked = true;
  }
}
