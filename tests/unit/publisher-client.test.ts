import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { publisherGoogleClient } from '../../electron/core/sources/google/built-in-client';
import { buildElectron, publisherClientDefine } from '../../scripts/build-electron.mjs';
import { withoutGoogleClientEnv } from './google-setup';
import { tempDataDir } from './helpers';

/** The publisher's OAuth client, injected by `npm run dist` (KALM_GOOGLE_CLIENT_ID/_SECRET), baked into the build. */
const PUBLISHER = { clientId: '9999-publisher.apps.googleusercontent.com', clientSecret: 'GOCSPX-publisher-desktop' };
const clientIdIn = (authUrl: string) => new URL(authUrl).searchParams.get('client_id');

describe('the publisher client baked in at build time', () => {
  it('is in the main bundle only when npm run dist passes it', async () => {
    const dir = await tempDataDir();
    const baked = await buildElectron({ outdir: path.join(dir, 'with'), publisherClient: PUBLISHER });
    expect(readFileSync(baked.main, 'utf8')).toContain(PUBLISHER.clientId);
    const plain = await buildElectron({ outdir: path.join(dir, 'without') });
    expect(readFileSync(plain.main, 'utf8')).not.toContain('publisher.apps.googleusercontent.com');
  });

  it('publisherGoogleClient() reads what the build defined, and nothing in development', async () => {
    expect(publisherGoogleClient()).toBeNull();
    const dir = await tempDataDir();
    const outfile = path.join(dir, 'publisher-client.mjs');
    await build({ entryPoints: [path.resolve('electron/core/sources/google/built-in-client.ts')], outfile, bundle: true, format: 'esm', platform: 'node', define: publisherClientDefine(PUBLISHER), logLevel: 'silent' });
    const mod = (await import(pathToFileURL(outfile).href)) as { publisherGoogleClient: typeof publisherGoogleClient };
    expect(mod.publisherGoogleClient()).toEqual(PUBLISHER);
  });
});

describe('a core with the publisher client', () => {
  withoutGoogleClientEnv();

  it('signs in with it at once; the owner’s own client (Advanced) replaces it', async () => {
    const dataDir = await tempDataDir();
    const google = { publisherClient: { clientId: PUBLISHER.clientId, clientSecret: PUBLISHER.clientSecret } };
    const first = await createKalm({ dataDir, host: 'test', google });
    try {
      expect(await first.call('google.status', {})).toMatchObject({ configured: true, builtInClient: true, connected: false });
      expect(clientIdIn((await first.call('google.connect', {})).authUrl)).toBe(PUBLISHER.clientId);
      const own = await first.call('google.setClient', { clientId: '1234-own.apps.googleusercontent.com', clientSecret: 'GOCSPX-own' });
      expect(own).toMatchObject({ configured: true, builtInClient: false });
    } finally {
      await first.close();
    }
    // The same published build, started again: the owner's client is kept and used.
    const again = await createKalm({ dataDir, host: 'test', google });
    try {
      expect(clientIdIn((await again.call('google.connect', {})).authUrl)).toBe('1234-own.apps.googleusercontent.com');
    } finally {
      await again.close();
    }
  });

  it('without one, nothing changes: the owner still has to give a client', async () => {
    const kalm = await createKalm({ dataDir: await tempDataDir(), host: 'test' });
    try {
      expect(await kalm.call('google.status', {})).toMatchObject({ configured: false, builtInClient: false });
    } finally {
      await kalm.close();
    }
  });
});
