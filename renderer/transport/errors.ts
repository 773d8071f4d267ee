import { z } from 'zod';
import { ErrorCode, ErrorIssue, KalmError } from '../../shared/domain/errors';

/** Shown (as detail, below the translated message) when the host cannot be reached at all. */
export const NETWORK_MESSAGE = 'Could not reach Kalm. Is it still running?';

/** Anything with an error code, e.g. a KalmError that lost its class crossing Electron's contextBridge. */
const ErrorLike = z.object({
  code: ErrorCode,
  message: z.string().optional(),
  issues: z.array(ErrorIssue).optional(),
  subcode: z.string().optional(),
});

/** Normalises any thrown value into a KalmError, so the UI can always pick a message by `code`. */
export function toKalmError(err: unknown): KalmError {
  if (err instanceof KalmError) return err;
  const like = ErrorLike.safeParse(err);
  if (like.success) return new KalmError(like.data.code, like.data.message ?? '', like.data.issues, like.data.subcode);
  if (err instanceof Error) return new KalmError('internal', err.message);
  return new KalmError('internal', typeof err === 'string' ? err : 'Unknown error');
}
