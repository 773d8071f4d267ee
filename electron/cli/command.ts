import type { KalmCore } from '../core/create-kalm';
import type { ReadCore, ReadScope } from './read-view';

/**
 * The shape of one `kalm` command. This module is a leaf (like args.ts, output.ts and format.ts): the
 * command modules import it and the command table (commands.ts) imports them, never the other way round.
 */
interface CommandBase {
  /** Checks the arguments before the data folder is opened (bad flags exit 2 and touch nothing). */
  check(args: string[]): void;
  /** Reads only: opens without the writer lock, so it works while the app runs. */
  readOnly: boolean;
}

/**
 * A command on the core. Most go only through the contract (`kalm.call`, `kalm.on`): their functions take
 * the contract's `Kalm`. The few that need more of the core take `KalmCore` and say why where they use it.
 */
export interface CoreCommand extends CommandBase {
  readScope?: undefined;
  run(kalm: KalmCore, args: string[]): Promise<string>;
}

/**
 * A read command that needs only the reviews, sources and settings (read-view.ts): it runs on
 * the files as they are read, without the core or its search index. `readScope` says, from the
 * arguments, which reviews it can need. KALM_CLI_FULL_LOAD=1 runs it on the whole core instead.
 */
export interface ReadCommand extends CommandBase {
  readOnly: true;
  readScope(args: string[]): ReadScope;
  run(kalm: ReadCore, args: string[]): Promise<string>;
}

export type Command = CoreCommand | ReadCommand;

/** `kalm connect NAME` / `kalm sync --source NAME` for one source: the arguments check and the run. */
export type SourceHook = Pick<CoreCommand, 'check' | 'run'>;
