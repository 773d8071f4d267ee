import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KalmError } from '../../shared/domain/errors';
import { MAX_KEY_FILE_CHARS } from '../../shared/play/service-account';
import type { KalmCore } from '../core/create-kalm';
import { UsageError } from './args';

/** Reads the key file (a bad path or a huge file is a usage error, exit 2). */
async function readKeyFile(path: string): Promise<string> {
  let text: string;
  try {
    const buf = await readFile(resolve(path));
    if (buf.length > MAX_KEY_FILE_CHARS * 4) throw new UsageError(`--key ${path}: the file is ${buf.length} bytes; a service-account JSON key is about 2,300`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--key ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not the JSON key file' : `cannot read it (${code ?? 'error'})`}`);
  }
  return text;
}

/**
 * `kalm connect play --package PKG --key KEY.json`: checks the service-account key (its fields, then a token
 * from Google's token endpoint), stores it like the Google sign-in and follows the app. A file that is not a
 * key exits 2 with what is wrong; Google refusing the key exits 1 with Google's reason in plain words.
 */
export async function connectPlayWithKey(kalm: KalmCore, packageName: string, keyPath: string): Promise<string> {
  const text = await readKeyFile(keyPath);
  try {
    const { serviceAccount } = await kalm.call('play.connectKey', { packageName, key: text });
    process.stderr.write(`Connected as ${serviceAccount.clientEmail}. Kalm follows ${packageName}; run \`kalm sync --source play\` next.\n`);
    return '';
  } catch (err) {
    if (err instanceof KalmError && err.code === 'invalid_input') throw new UsageError(`--key ${keyPath}: ${err.message}`);
    throw err;
  }
}

/** `kalm connect play --package PKG` while a service-account key is stored: no browser sign-in, the app is followed with the key. */
export async function followWithKey(kalm: KalmCore, packageName: string, clientEmail: string): Promise<string> {
  await kalm.call('play.addApp', { packageName });
  process.stderr.write(`Kalm follows ${packageName} with the service account ${clientEmail}; run \`kalm sync --source play\` next.\n`);
  return '';
}
