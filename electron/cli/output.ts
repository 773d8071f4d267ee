/**
 * The CLI's only way to print results: output that survives a pipe. `process.exit` right after
 * `stdout.write` cuts a piped stream at the pipe buffer (64 KiB), so every write here resolves only once
 * Node has handed the bytes to the OS, and `finish` waits for that before the process ends. A reader that
 * closes early (`kalm export … | head -1`) is not an error: the rest is dropped quietly (EPIPE).
 */
type Stream = NodeJS.WriteStream;

let readerGone = false;
let guarded = false;

/** Installs the quiet EPIPE handling on stdout and stderr (once; `finish` and `writeOut` call it). */
export function guardPipes(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
        readerGone = true;
        return;
      }
      // Any other failure to print (a full disk behind a redirect): say so once and fail.
      readerGone = true;
      process.exitCode = 1;
    });
  }
}

function writeTo(stream: Stream, text: string): Promise<void> {
  guardPipes();
  if (readerGone || text === '' || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      stream.write(text, () => resolve());
    } catch {
      readerGone = true;
      resolve();
    }
  });
}

/** Writes `text` to stdout; resolves when the bytes are out of the process (or the reader is gone). */
export const writeOut = (text: string): Promise<void> => writeTo(process.stdout, text);

/** Writes `text` to stderr the same way (messages, progress). */
export const writeErr = (text: string): Promise<void> => writeTo(process.stderr, text);

/**
 * Ends the CLI with `code`: sets `process.exitCode`, waits until stdout and stderr have drained, then
 * exits (an open handle such as a keep-alive socket must not keep a finished command waiting).
 */
export async function finish(code: number): Promise<never> {
  process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : code;
  await Promise.all([writeTo(process.stdout, ''), writeTo(process.stderr, '')]);
  await drained(process.stdout);
  await drained(process.stderr);
  process.exit();
}

/** Resolves once nothing is queued in `stream` (its write buffer is empty). */
function drained(stream: Stream): Promise<void> {
  if (readerGone || stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (readerGone || stream.destroyed || stream.writableLength === 0) resolve();
      else setTimeout(check, 5);
    };
    stream.once('drain', check);
    setTimeout(check, 5);
  });
}
