import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A wrong command or flag: the CLI prints the message and the usage on stderr and exits 2. `showUsage: false`
 * for a refusal whose message says all there is to say (a reply over the limit): then only that message is printed.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

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

/** The flags of `kalm sync [--source NAME] [--full] [--json]` (source-commands.ts routes on --source). */
export const sourceSyncFlags = { source: { type: 'string' }, full: { type: 'boolean' }, json: { type: 'boolean' } } as const;

/** `--rating 1,2` as star ratings. */
export const parseRatings = (raw: string | undefined): (1 | 2 | 3 | 4 | 5)[] | undefined => {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^[1-5]$/.test(p))) throw new UsageError(`--rating takes star ratings 1 to 5 separated by commas, e.g. --rating 1,2 (got "${raw}")`);
  return [...new Set(parts.map((p) => Number(p) as 1 | 2 | 3 | 4 | 5))];
};

/** Exit code of a read command whose output lacks the data of a file that could not be read. */
export const EXIT_MISSING_DATA = 3;

/** A read command finished, but some files could not be read: `output` is complete for the rest (valid JSON with --json). */
export class MissingDataError extends Error {
  constructor(
    readonly output: string,
    files: number,
  ) {
    super(`${files} file${files === 1 ? '' : 's'} in the data folder could not be read, so this output is incomplete (exit code ${EXIT_MISSING_DATA}). Run \`kalm doctor\` for details.`);
  }
}
