import { z } from 'zod';

/** One contract call: the zod schema of its input and of its output. */
export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** A call that takes no arguments (`{}`; unknown keys are refused). */
export const NoInput = z.object({}).strict();
/** A call that answers nothing but success. */
export const Empty = z.object({}).strict();
/** An event without a payload: clients re-read what it names. */
export const Signal = z.object({});

export const ReviewIdField = z.string().min(1).max(500);
/** Long enough for any draft; the source's own limit is checked when a reply is queued. */
export const ReplyText = z.string().max(100_000);
