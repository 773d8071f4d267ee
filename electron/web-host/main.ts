import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nodePowerState } from '../core/background/power-state';
import { createKalm } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { exitOnSignals } from '../core/shutdown';
import { openInBrowser } from './open-browser';
import { DEFAULT_PORT, startWebHost } from './server';

const usage = `Usage: npm run web -- [--port N] [--no-open]

Serves Kalm on http://127.0.0.1 (default port ${DEFAULT_PORT}; a free port when it is taken).
Data folder: KALM_DATA_DIR, default the app's user-data folder.`;

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
  const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!existsSync(rendererDir)) {
    console.error('Kalm: the renderer is not built yet. Run `npm run web` (it builds first) or `npm run build:renderer`.');
    process.exit(1);
  }
  const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
  const kalm = await createKalm({
    dataDir, host: 'web', loadDemoOnFirstRun: true,
    background: { power: nodePowerState(), onError: (err) => console.error(`Kalm: background sync failed, retrying later: ${err instanceof Error ? err.message : String(err)}`) },
  });
  // Syncs every N minutes (Settings) while the web host runs.
  kalm.background.start();
  for (const p of kalm.problems) console.error(`Kalm: ${p.reason}${p.movedTo ? ` — moved to ${p.movedTo}` : ''}`);
  const host = await startWebHost({ kalm, rendererDir, port });
  console.log(`Kalm is running at ${host.url}`);
  if (!values['no-open'] && !process.env.CI) openInBrowser(host.url);
  // SIGINT (Ctrl+C), SIGTERM and SIGHUP (the terminal closed): stop serving, flush, release the lock, exit once.
  exitOnSignals(async () => {
    await host.close();
    await kalm.close();
  }, { onError: (err) => console.error(`Kalm: closing failed: ${err instanceof Error ? err.message : String(err)}`) });
}

main().catch((err: unknown) => {
  console.error(`Kalm could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
