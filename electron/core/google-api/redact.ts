/**
 * Keeps OAuth secrets out of every message that leaves Kalm's Google sign-in code
 * (errors, warnings, logs). Two layers: patterns for anything shaped like a Google token,
 * authorization code or client secret, and the exact secret values the caller knows about
 * (an emulator's tokens need not look like Google's).
 */

const MASK = '[redacted]';

/** Field names whose values are secrets, in query strings, form bodies and JSON. */
const SECRET_KEYS = ['access_token', 'refresh_token', 'id_token', 'client_secret', 'code', 'code_verifier', 'token', 'assertion', 'password'];
const KEYS = SECRET_KEYS.join('|');

const PATTERNS: readonly [RegExp, string][] = [
  // "Authorization: Bearer …" or "Basic …" (the client id:secret pair).
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${MASK}`],
  // JSON: "refresh_token": "…"
  [new RegExp(`("(?:${KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${MASK}"`],
  // Query strings and form bodies: code=…&state=…
  [new RegExp(`\\b(${KEYS})=[^&\\s"'<>]+`, 'gi'), `$1=${MASK}`],
  // Google access tokens, refresh tokens, client secrets, JWTs (id tokens).
  [/\bya29\.[\w.-]+/g, MASK],
  [/\b1\/\/[\w.-]+/g, MASK],
  [/\bGOCSPX-[\w-]+/g, MASK],
  [/\b4\/[\w.-]{10,}/g, MASK],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, MASK],
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes anything that looks like an access or refresh token, an authorization code,
 * a bearer header or a client secret, plus every value in `known` (ignored when shorter
 * than 6 characters so ordinary words survive).
 */
export function redactSecrets(text: string, known: readonly (string | null | undefined)[] = []): string {
  let out = text;
  const exact = [...new Set(known.filter((k): k is string => typeof k === 'string' && k.length >= 6))].sort((a, b) => b.length - a.length);
  for (const secret of exact) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), MASK);
    // The same value as it appears URL-encoded (in a query string or form body).
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), MASK);
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/** The message of any thrown value, redacted and cut to a readable length. */
export function safeErrorText(err: unknown, known: readonly (string | null | undefined)[] = [], max = 300): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  const text = redactSecrets(raw, known).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
