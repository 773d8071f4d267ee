import { z } from 'zod';

/** Every failure that crosses the contract boundary has one of these codes. */
export const ErrorCode = z.enum(['invalid_input', 'unknown_call', 'not_found', 'forbidden', 'locked', 'storage', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const KalmErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
  /** A finer, language-neutral cause the UI can translate (e.g. "tls-expired"); the message stays the English fallback. */
  subcode: z.string().max(100).optional(),
});
export type KalmErrorPayload = z.infer<typeof KalmErrorPayload>;

/** A typed error: the same class on both sides of every host (IPC, HTTP, CLI). */
export class KalmError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly subcode: string | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[], subcode?: string) {
    super(message);
    this.name = 'KalmError';
    this.code = code;
    this.issues = issues;
    this.subcode = subcode;
  }

  toPayload(): KalmErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.subcode ? { subcode: this.subcode } : {}),
    };
  }

  static fromPayload(p: KalmErrorPayload): KalmError {
    return new KalmError(p.code, p.message, p.issues, p.subcode);
  }

  static fromZod(error: z.ZodError, what: string): KalmError {
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
    const first = issues[0];
    const detail = first ? `: ${first.path} — ${first.message}` : '';
    return new KalmError('invalid_input', `Invalid input for ${what}${detail}`, issues);
  }
}

/** Any thrown value as a payload that is safe to send to a client (no stack traces). */
export const toErrorPayload = (err: unknown): KalmErrorPayload =>
  err instanceof KalmError ? err.toPayload() : { code: 'internal', message: 'Something went wrong inside Kalm. Your data is unchanged.' };

/** Envelope for one call's result on the wire (HTTP and IPC). */
export const CallResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: KalmErrorPayload }),
]);
export type CallResult = z.infer<typeof CallResult>;
