import { redactSecrets } from '../google-api/redact';

/**
 * What a log line may not carry: secrets (tokens, codes, client secrets: the Google sign-in's own
 * redaction, redactSecrets) and the owner's customers' words (review texts, replies, notes, names,
 * e-mail addresses), which can reach a message through an error that quotes its input.
 */
const TEXT_MASK = '[text]';

/** JSON and key=value fields whose values are review texts, replies or people. */
const TEXT_KEYS = ['comment', 'text', 'reply', 'replyText', 'originalText', 'note', 'body', 'reviewer', 'displayName', 'authorName', 'userComment', 'developerComment', 'email'];
const KEYS = TEXT_KEYS.join('|');

const PATTERNS: readonly [RegExp, string][] = [
  // "comment": "…" (JSON, also escaped quotes inside)
  [new RegExp(`("(?:${KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${TEXT_MASK}"`],
  // comment: '…' or text="…" (object dumps, util.inspect)
  [new RegExp(`\\b((?:${KEYS})\\s*[:=]\\s*)(['"\`])(?:(?!\\2)[^\\\\]|\\\\.)*\\2`, 'gi'), `$1$2${TEXT_MASK}$2`],
  // E-mail addresses.
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  // Any other quoted sentence (several words): free text a message echoes.
  [/"[^"\n]*\s[^"\n]*\s[^"\n]*"/g, `"${TEXT_MASK}"`],
  [/“[^”\n]*”/g, `“${TEXT_MASK}”`],
];

/** A log line without secrets and without review texts; `known` are exact values to remove too (tokens, texts). */
export function redactLogText(text: string, known: readonly (string | null | undefined)[] = []): string {
  let out = redactSecrets(text, known);
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}
