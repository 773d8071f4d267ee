import { KalmError } from '../../shared/domain/errors';
import { createKalm } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { packageVersion } from '../core/version';
import { EXIT_MISSING_DATA, MissingDataError, runCommand, UsageError, usage } from './commands';

/** A parallel CLI write finishes within seconds: wait for it (saying so) before refusing. */
const cliLockWait = {
  waitForHolderMs: 5_000,
  onWait: (holder: { pid: number }) => process.stderr.write(`kalm: the data folder is in use by another Kalm (process ${holder.pid}); waiting up to 5 s…\n`),
};

/** `kalm <command>`: parses arguments, runs one command on the core, exits 0 / 1 (failure) / 2 (usage). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(packageVersion() + '\n');
    return 0;
  }
  try {
    const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
    const open = ({ readOnly }: { readOnly: boolean }) => createKalm({ dataDir, host: 'cli', readOnly, lock: cliLockWait });
    const out = await runCommand(command, rest, open);
    if (out !== '') process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    return 0;
  } catch (err) {
    if (err instanceof MissingDataError) {
      if (err.output !== '') process.stdout.write(err.output.endsWith('\n') ? err.output : err.output + '\n');
      process.stderr.write(`kalm: ${err.message}\n`);
      return EXIT_MISSING_DATA;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`kalm: ${err.message}\n\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`kalm: ${err instanceof KalmError || err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}


main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`kalm: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
