import type { z } from 'zod';
import { contract, type CallName, type CallOutput } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';

/** Checks a call's result against the contract, so nothing untyped reaches the UI. */
export function parseOutput<N extends CallName>(name: N, value: unknown): CallOutput<N> {
  // The schema for `name` is the one CallOutput<N> is inferred from, so its data has that type.
  const schema: z.ZodType = contract[name].output;
  const result = schema.safeParse(value);
  if (result.success) return result.data as CallOutput<N>;
  const first = result.error.issues[0];
  const where = first ? ` (${first.path.map(String).join('.') || 'result'}: ${first.message})` : '';
  throw new KalmError('internal', `Kalm sent a ${name} result this screen does not understand${where}.`);
}
