import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { openInBrowser } from './open-browser';
import { deferredKalm } from './deferred-kalm';
import { DEFAULT_PORT, startWebHost } from './server';

const usage = `Usage: npm run web -- [--port N] [--no-open]

Serves Kalm on http://127.0.0.1 (default port ${DEFAULT_PORT}; a free port when it is taken).
Data folder: KALM_DATA_DIR, default the app's user-data folder.`;

/** dist/renderer, seen from the sources (electron/web-host/) or from the bundle (dist-web/); null before a build. */
function builtRendererDir(): string | null {
  for (const up of ['../../dist/renderer', '../dist/renderer']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

async function main(): Promise<void> {
  let values: { port?: string; 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) return console.log(usage);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535.\n\n${usage}`);
    process.exit(2);
  }
  const rendererDir = builtRendererDir();
  if (rendererDir === null) {
    console.error('Kalm: the renderer is not built yet. Run `npm run web` (it builds first) or `npm run build:renderer`.');
    process.exit(1);
  }
  const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
  // The core (and its dependencies) load after the server listens, so the page is served at once.
  const opening = (async () => {
    const [{ createKalm }, { nodePowerState }] = await Promise.all([import('../core/create-kalm'), import('../core/background/power-state')]);
    return createKalm({
      dataDir, host: 'web', loadDemoOnFirstRun: true,
      background: { power: nodePowerState(), onError: (err) => console.error(`Kalm: background sync failed, retrying later: ${err instanceof Error ? err.message : String(err)}`) },
    });
  })();
  // The page is served while the store loads (cold start): its calls wait for the store.
  const host = await startWebHost({ kalm: deferredKalm(dataDir, opening), rendererDir, port });
  console.log(`Kalm is running at ${host.url}`);
  if (!values['no-open'] && !process.env.CI) openInBrowser(host.url);
  let kalm: Awaited<typeof opening>;
  try {
    kalm = await opening;
  } catch (err) {
    await host.close();
    throw err;
  }
  // Syncs every N minutes (Settings) while the web host runs.
  kalm.background.start();
  for (const p of kalm.problems) console.error(`Kalm: ${p.reason}${p.movedTo ? ` — moved to ${p.movedTo}` : ''}`);
  console.log('Kalm has opened your reviews.');
  const stop = () => void host.close().then(() => kalm.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Kalm could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
