import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GoogleEmulator } from '../emulator';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs Node from the project folder with extra environment and collects the output.
 * `onLine` sees stdout lines as they arrive (e.g. to play the browser for a printed URL).
 */
export function runNode(args: string[], env: Record<string, string>, opts: { uid?: number; onLine?: (line: string) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      const before = stdout;
      stdout += c.toString();
      if (opts.onLine) for (const line of stdout.slice(before.lastIndexOf('\n') + 1).split('\n').slice(0, -1)) opts.onLine(line);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the real `kalm` bin, as a user would. */
export const runKalm = (args: string[], env: Record<string, string>, onLine?: (line: string) => void): Promise<Run> =>
  runNode(['bin/kalm.js', ...args], env, onLine ? { onLine } : {});

/** The environment that points Kalm at the Google emulator, with its test OAuth client. */
export const emulatorEnv = (emu: GoogleEmulator, dataDir: string): Record<string, string> => ({
  KALM_DATA_DIR: dataDir,
  KALM_GOOGLE_CLIENT_ID: emu.clientId,
  KALM_GOOGLE_CLIENT_SECRET: emu.clientSecret,
  KALM_GOOGLE_API_ROOT: emu.origin,
  KALM_GOOGLE_AUTH_URL: emu.authUrl,
  KALM_GOOGLE_TOKEN_URL: emu.tokenUrl,
});
