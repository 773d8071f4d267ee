import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong command or flag: the CLI prints the usage on stderr and exits 2. */
export class UsageError extends Error {}

/** Parses flags strictly; `positionals` lists the exact words a command takes after its name. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals: readonly string[] = []) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals.length > 0 });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const extra = parsed.positionals.filter((p, i) => p !== positionals[i]);
  if (extra.length > 0 || parsed.positionals.length !== positionals.length) {
    throw new UsageError(positionals.length ? `expected "${positionals.join(' ')}"` : `unexpected argument "${extra[0] ?? ''}"`);
  }
  return parsed.values;
}
