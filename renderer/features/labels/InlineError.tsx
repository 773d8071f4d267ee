import type { KalmError } from '../../../shared/domain/errors';

/** A refused change, said in one line next to the control (the message is the core's, plain text). */
export function InlineError({ error }: { error: KalmError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="inline-error">
      {error.message}
    </p>
  );
}
