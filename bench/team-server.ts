// The CouchDB stand-in for the team bench in a process of its own: in production the team's CouchDB runs on
// another machine, so its work (reading its LevelDB, encoding `_changes` and `_bulk_get`) must not be counted
// on the desktop's one JavaScript thread. Prints `{"url": …}` once it listens; stops on SIGTERM.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startStandIn } from '../tests/team/standin-server';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the stand-in in a child process with these users, and a database `db` they are members of. */
export async function startBenchServer(db: string, users: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', db, JSON.stringify(users)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench's CouchDB stand-in stopped (exit ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    url,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[2] === '--serve') {
  const db = process.argv[3] ?? 'bench';
  const users = JSON.parse(process.argv[4] ?? '{}') as Record<string, string>;
  void (async () => {
    const couch = await startStandIn();
    for (const [name, password] of Object.entries(users)) await couch.addUser(name, password);
    await couch.createDb(db, Object.keys(users));
    process.on('SIGTERM', () => void couch.close().then(() => process.exit(0)));
    process.stdout.write(JSON.stringify({ url: couch.url }) + '\n');
  })().catch((err: unknown) => { console.error(err); process.exit(1); });
}
