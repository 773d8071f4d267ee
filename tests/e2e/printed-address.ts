import type { ChildProcess } from 'node:child_process';

/**
 * Waits for a starting web host (`npm run web`, `npm run dev`, `npm run dev:web`) to print "Kalm is running at
 * <address>" and resolves with that address and all it printed so far; rejects, with what it printed, when the
 * process exits first or says nothing within `ms`. `what` names the command in the message.
 */
export function printedAddress(child: ChildProcess, what: string, ms: number): Promise<{ url: string; output: string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} printed no address within ${ms / 1000} s:\n${output}`)), ms);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Kalm is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}
