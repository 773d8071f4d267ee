import type { KalmCore } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { UsageError } from './args';
import type { Command } from './command';
import { demoCommands } from './demo-commands';
import { doctor } from './doctor-command';
import { importCommands } from './import-command';
import { labelCommands } from './label-commands';
import { outboxCommands } from './outbox-commands';
import { readCommands, runReadCommand } from './read-commands';
import { runOn } from './read-view';
import { sourceCommands } from './source-commands';
import { teamCommands } from './team-commands';
import { usage } from './usage';

/**
 * The command table: every `kalm` command by name. This module imports the command modules; none of them
 * imports it (their shared pieces are leaves: args.ts, output.ts, format.ts, command.ts, demo-notes.ts).
 */
const commands: Record<string, Command> = {
  ...demoCommands,
  ...outboxCommands,
  ...sourceCommands,
  ...importCommands,
  ...readCommands,
  ...labelCommands,
  ...teamCommands,
};

/**
 * Runs one command; the core is opened only once the command name is known to be valid.
 * `doctor` never opens the core: it only looks at `dataDir` (default: KALM_DATA_DIR or the app's folder).
 */
export async function runCommand(
  name: string,
  args: string[],
  open: (opts: { readOnly: boolean }) => Promise<KalmCore>,
  dataDir: string = process.env.KALM_DATA_DIR || defaultDataDir(),
): Promise<string> {
  if (name === 'doctor') return args.includes('--help') || args.includes('-h') ? usage : doctor(dataDir, args);
  // check-reply only reads the reply file and the tone settings: no lock, no reviews loaded.
  // Loaded on demand: the other commands need neither the language detector nor the UI strings.
  if (name === 'check-reply') return args.includes('--help') || args.includes('-h') ? usage : (await import('./reply-check-commands')).checkReplyCommand(dataDir, args);
  // team status reads the team's files without the lock, so it answers while the app runs.
  if (name === 'team' && args[0] === 'status' && !args.includes('--help') && !args.includes('-h')) return (await import('./team-status-command')).teamStatusCommand(dataDir, args.slice(1));
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  if (args.includes('--help') || args.includes('-h')) return usage;
  command.check(args);
  if (command.readScope && process.env.KALM_CLI_FULL_LOAD !== '1') return runReadCommand(command, args, dataDir);
  return runOn(await open({ readOnly: command.readOnly }), (k) => command.run(k, args), command.readOnly);
}
