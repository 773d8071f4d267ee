import { spawn } from 'node:child_process';
import type { GoogleEmulator } from '../emulator';

/** A team desktop's core in a child process (tests/crash/team-desktop.ts), for killing it with SIGKILL. */
export interface ChildDesktop {
  /** Resolves once the child printed a line starting with `word`; rejects when it ends first. */
  waitFor(word: string): Promise<void>;
  /** SIGKILLs it as soon as `when()` holds (checked every 5 ms); rejects when it ends any other way first. */
  killWhen(when: () => boolean): Promise<void>;
}

/** `emu` null: no Google (a desktop that only replicates, `live`). */
export function startChildDesktop(dataDir: string, emu: GoogleEmulator | null, mode: 'publish' | 'sync' | 'live'): ChildDesktop {
  const google = emu && {
    roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl },
    client: { clientId: emu.clientId, clientSecret: emu.clientSecret },
    refreshToken: emu.tokens.issueFor().refresh_token,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/team-desktop.ts', dataDir, google ? JSON.stringify(google) : 'none', mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let killed = false;
  const giveUp = setTimeout(() => child.kill('SIGKILL'), 90_000);
  child.stdout.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (output += d.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      if (killed && signal === 'SIGKILL') resolve();
      else reject(new Error(`the child desktop ended with ${code ?? signal} before it was killed:\n${output}`));
    });
  });
  exited.catch(() => undefined); // reported through waitFor / killWhen
  return {
    waitFor: (word) => new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.split('\n').some((l) => l.startsWith(word))) {
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
      exited.then(() => reject(new Error(`killed before ${word}`)), reject);
    }),
    killWhen(when) {
      const watch = setInterval(() => {
        if (!killed && when()) killed = child.kill('SIGKILL');
      }, 5);
      return exited.finally(() => clearInterval(watch));
    },
  };
}
