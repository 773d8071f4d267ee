import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KalmError } from '../../shared/domain/errors';
import { MAX_KEY_FILE_CHARS } from '../../shared/play/service-account';
import type { Kalm } from '../core/kalm';
import { openInBrowser } from '../web-host/open-browser';
import { parseFlags, sourceSyncFlags, UsageError } from './args';
import type { SourceHook } from './command';
import { noteKeptDemo } from './demo-notes';
import { writeOut } from './output';

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
async function connectPlayWithKey(kalm: Kalm, packageName: string, keyPath: string): Promise<string> {
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
async function followWithKey(kalm: Kalm, packageName: string, clientEmail: string): Promise<string> {
  await kalm.call('play.addApp', { packageName });
  process.stderr.write(`Kalm follows ${packageName} with the service account ${clientEmail}; run \`kalm sync --source play\` next.\n`);
  return '';
}

const playConnectFlags = { package: { type: 'string' }, 'no-open': { type: 'boolean' }, key: { type: 'string' } } as const;
const checkPlayConnect = (args: string[]) => {
  const v = parseFlags(args, playConnectFlags, ['play']);
  if (!v.package) throw new UsageError('connect play needs --package, e.g. kalm connect play --package com.example.app');
  if (v.key !== undefined && v.key.trim() === '') throw new UsageError('--key takes the path of the service-account JSON key file');
  return { packageName: v.package, open: !v['no-open'], key: v.key };
};

/**
 * Waits until the Google sign-in `play.connect` started has ended: the core then has followed the app or kept
 * why not (`play.status`'s lastError). The status is read again after each `workspace.sourcesChanged`.
 */
async function signInEnded(kalm: Kalm): Promise<void> {
  let wake: () => void = () => undefined;
  const off = kalm.on('workspace.sourcesChanged', () => wake());
  try {
    for (;;) {
      const changed = new Promise<void>((resolve) => (wake = resolve));
      const status = await kalm.call('play.status', {});
      if (!status.signingIn) {
        if (status.lastError !== null) throw new Error(status.lastError);
        return;
      }
      await changed;
    }
  } finally {
    off();
  }
}

async function followPlay(kalm: Kalm, args: string[]): Promise<string> {
  const { packageName, open, key } = checkPlayConnect(args);
  if (key !== undefined) return connectPlayWithKey(kalm, packageName, key);
  const { serviceAccount } = await kalm.call('play.status', {});
  if (serviceAccount) return followWithKey(kalm, packageName, serviceAccount.clientEmail);
  const { authUrl } = await kalm.call('play.connect', { packageName });
  await writeOut(`${authUrl}\n`);
  process.stderr.write('Open the address above in your browser and allow Kalm to read your Google Play reviews. Waiting…\n');
  if (open) openInBrowser(authUrl);
  await signInEnded(kalm);
  process.stderr.write(`Connected. Kalm follows ${packageName}; run \`kalm sync --source play\` next.\n`);
  return '';
}

/** `kalm connect play --package PKG [--no-open | --key KEY.json]`: signs in with the androidpublisher scope (or a service-account key), then follows the app. */
async function connectPlay(kalm: Kalm, args: string[]): Promise<string> {
  const out = await followPlay(kalm, args);
  await noteKeptDemo(kalm);
  return out;
}

/** `kalm sync --source play [--json]`: the Play apps' reviews of the last 7 days. */
async function syncPlay(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, sourceSyncFlags);
  const t = await kalm.call('play.sync', {});
  for (const w of t.warnings) process.stderr.write(`kalm: ${w}\n`);
  if (v.json) return JSON.stringify({ apps: t.apps, reviews: t.fetched, new: t.new, updated: t.updated, warnings: t.warnings });
  return `Synced ${t.apps} Play app${t.apps === 1 ? '' : 's'}: ${t.fetched} reviews fetched, ${t.new} new, ${t.updated} updated. Play shows only the last 7 days; Kalm keeps the older ones.`;
}

/** Google Play's hooks for `kalm connect play` and `kalm sync --source play` (source-commands.ts routes). */
export const playHooks: { connect: SourceHook; sync: SourceHook } = {
  connect: { check: (a) => void checkPlayConnect(a), run: connectPlay },
  sync: { check: (a) => void parseFlags(a, sourceSyncFlags), run: syncPlay },
};
