import { spawn } from 'node:child_process';

/**
 * Runs a crash-test child (`node --import tsx <script> ...args`) and kills it with SIGKILL as soon as it prints
 * the line `word` (the moment its local files have what the test is about and its replica does not). Resolves once
 * it died of that kill; rejects when it ends any other way first (with its output), or gives up after 40 s.
 */
export function runChildUntilKilled(script: string, args: readonly string[], word = 'EDITED'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', killed = false;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killed && out.split('\n').includes(word)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      if (killed && signal === 'SIGKILL') resolve();
      else reject(new Error(`the child ended (code ${code}, ${signal}) before it was killed:\n${out}\n${err}`));
    });
  });
}
