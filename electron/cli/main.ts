import { KalmError } from '../../shared/domain/errors';
// The host's own needs (where the data folder is, the version), not the core's internals.
import { defaultDataDir } from '../core/data-dir';
import { packageVersion } from '../core/version';
import { EXIT_MISSING_DATA, MissingDataError, UsageError } from './args';
import { finish, guardPipes, writeErr, writeOut } from './output';

/** A parallel CLI write finishes within seconds: wait for it (saying so) before refusing. */
const cliLockWait = {
  waitForHolderMs: 5_000,
  onWait: (holder: { pid: number }) => process.stderr.write(`kalm: the data folder is in use by another Kalm (process ${holder.pid}); waiting up to 5 s…\n`),
};

/** Read commands load only the read view (read-commands.ts); the rest loads the core. Both on demand, so each starts light. */
const READ_COMMANDS = new Set(['reviews', 'stats', 'export']);

async function run(command: string, rest: string[], dataDir: string): Promise<string> {
  if (READ_COMMANDS.has(command) && process.env.KALM_CLI_FULL_LOAD !== '1' && !rest.includes('--help') && !rest.includes('-h')) {
    const { readCommands, runReadCommand } = await import('./read-commands');
    const read = readCommands[command];
    if (read) {
      read.check(rest);
      return runReadCommand(read, rest, dataDir);
    }
  }
  // kalm team status reads the team's files: no lock, no core (it answers while the app runs).
  if (command === 'team' && rest[0] === 'status' && !rest.includes('--help') && !rest.includes('-h')) {
    return (await import('./team-status-command')).teamStatusCommand(dataDir, rest.slice(1));
  }
  const { runCommand } = await import('./commands');
  const { createKalm } = await import('../core/create-kalm');
  return runCommand(command, rest, ({ readOnly }) => createKalm({ dataDir, host: 'cli', readOnly, lock: cliLockWait }), dataDir);
}

/** `kalm <command>`: parses arguments, runs one command on the core, exits 0 / 1 (failure) / 2 (usage). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await writeOut((await import('./usage')).usage + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    await writeOut(packageVersion() + '\n');
    return 0;
  }
  try {
    const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
    const out = await run(command, rest, dataDir);
    if (out !== '') await writeOut(out.endsWith('\n') ? out : out + '\n');
    return 0;
  } catch (err) {
    if (err instanceof MissingDataError) {
      if (err.output !== '') await writeOut(err.output.endsWith('\n') ? err.output : err.output + '\n');
      await writeErr(`kalm: ${err.message}\n`);
      return EXIT_MISSING_DATA;
    }
    if (err instanceof UsageError) {
      await writeErr(err.showUsage ? `kalm: ${err.message}\n\n${(await import('./usage')).usage}\n` : `kalm: ${err.message}\n`);
      return 2;
    }
    await writeErr(`kalm: ${err instanceof KalmError || err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

guardPipes();
main(process.argv.slice(2)).then(
  (code) => finish(code),
  async (err: unknown) => {
    await writeErr(`kalm: ${err instanceof Error ? err.message : String(err)}\n`);
    return finish(1);
  },
);
