/**
 * Why a secure (HTTPS) connection to the team server failed, from the TLS error code Node reports. Each kind has its
 * own message (core: English; UI: `team.tls.<kind>` in English and Dutch), so the owner learns what to do instead of
 * reading "UNABLE_TO_VERIFY_LEAF_SIGNATURE".
 */
export type TlsProblem = 'untrusted' | 'expired' | 'not-yet-valid' | 'hostname' | 'no-tls' | 'other';

export const TLS_PROBLEMS: readonly TlsProblem[] = ['untrusted', 'expired', 'not-yet-valid', 'hostname', 'no-tls', 'other'];

/** The language-neutral subcode a KalmError carries for a TLS problem ("tls-expired"), for the UI to translate. */
export const tlsSubcode = (p: TlsProblem): string => `tls-${p}`;

/** The TLS problem a KalmError's subcode names, or null for any other. */
export const tlsProblemOfSubcode = (subcode: string | undefined): TlsProblem | null =>
  TLS_PROBLEMS.find((p) => tlsSubcode(p) === subcode) ?? null;

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE', 'CERT_REJECTED', 'INVALID_CA', 'CERT_CHAIN_TOO_LONG',
]);

/** The kind of TLS failure an error code names; null when the code is no TLS failure (refused, timed out…). */
export function tlsProblemOf(code: string): TlsProblem | null {
  if (UNTRUSTED.has(code)) return 'untrusted';
  if (code === 'CERT_HAS_EXPIRED') return 'expired';
  if (code === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'hostname';
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') return 'no-tls';
  if (/CERT|SSL|TLS/.test(code)) return 'other';
  return null;
}
