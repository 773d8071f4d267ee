import { KalmError } from '../../shared/domain/errors';
import { createKalm } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { packageVersion } from '../core/version';
import { runCommand, UsageError, usage } from './commands';
import { finish, guardPipes, writeErr, writeOut } from './output';

/** `kalm <command>`: parses arguments, runs one command on the core, exits 0 / 1 (failure) / 2 (usage). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await writeOut(usage + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    await writeOut(packageVersion() + '\n');
    return 0;
  }
  try {
    const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
    const open = ({ readOnly }: { readOnly: boolean }) => createKalm({ dataDir, host: 'cli', readOnly });
    const out = await runCommand(command, rest, open);
    if (out !== '') await writeOut(out.endsWith('\n') ? out : out + '\n');
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      await writeErr(`kalm: ${err.message}\n\n${usage}\n`);
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
