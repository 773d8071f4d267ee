import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { createFileLog } from '../core/log/logger';
import type { ViteDevServer } from 'vite';
import { exitOnSignals } from '../core/shutdown';
import { deferredKalm } from '../core/deferred-kalm';
import { openFolder, openInBrowser } from './open-browser';
import { DEFAULT_PORT, startWebHost, type WebHostOptions } from './server';

const usage = `Usage: npm run web -- [--port N] [--no-open]
       npm run dev:web -- [--port N] [--no-open]   (the renderer from Vite's dev server, with hot reload)

Serves Kalm on http://127.0.0.1 (default port ${DEFAULT_PORT}; a free port when it is taken).
Data folder: KALM_DATA_DIR, default the app's user-data folder. Log files: its logs/ folder.`;

const fail = (message: string, code: number): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

/** npm run dev:web: Vite's dev server as middleware of the web host, its hot-reload socket on the same port. */
function devRenderer(): Pick<WebHostOptions, 'devRenderer' | 'onServer'> & { close(): Promise<void> } {
  let vite: Promise<ViteDevServer> | undefined;
  return {
    // Called before the host listens, so Vite exists before the first request.
    onServer: (server) => {
      vite = import('vite').then(({ createServer }) =>
        createServer({
          configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
          appType: 'spa',
          logLevel: 'warn',
          server: { middlewareMode: true, hmr: { server } },
        }),
      );
    },
    devRenderer: (req, res, next) => {
      if (!vite) return next();
      vite.then((v) => v.middlewares(req, res, next), () => next());
    },
    close: async () => {
      await (await vite)?.close();
    },
  };
}

/** dist/renderer, seen from the sources (electron/web-host/) or from the bundle (dist-web/); null before a build. */
function builtRendererDir(): string | null {
  for (const up of ['../../dist/renderer', '../dist/renderer']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

async function main(): Promise<void> {
  let values: { port?: string; 'no-open'?: boolean; help?: boolean; dev?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, dev: { type: 'boolean' } } }));
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`, 2);
  }
  if (values.help) return void process.stdout.write(`${usage}\n`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a number from 0 to 65535.\n\n${usage}`, 2);
  const built = builtRendererDir();
  if (!values.dev && built === null) {
    return fail('Kalm: the renderer is not built yet. Run `npm run web` (it builds first) or `npm run build:renderer`.', 1);
  }
  // npm run dev:web serves the renderer from Vite; the built folder is only the fallback path then.
  const rendererDir = built ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const dataDir = process.env.KALM_DATA_DIR || defaultDataDir();
  // One log file a day in the data folder's logs/; errors and warnings also on stderr.
  const log = createFileLog({ dataDir, stderr: true });
  // The inbox's first page as the last run saved it, checked against the files (once the host listens) before
  // the core starts loading them.
  let listening: () => void = () => undefined;
  const listened = new Promise<void>((resolve) => (listening = resolve));
  const early = listened.then(() => import('../core/early-first-page')).then(({ earlyFirstPage }) => earlyFirstPage(dataDir));
  // The core (and its dependencies) load after the server listens, so the page is served at once.
  const opening = (async () => {
    await early.then((e) => e.checked, () => undefined);
    const [{ createKalm }, { nodePowerState }] = await Promise.all([import('../core/create-kalm'), import('../core/background/power-state')]);
    return createKalm({
      dataDir, host: 'web', loadDemoOnFirstRun: true, log,
      background: { power: nodePowerState(), onError: (err) => log.error('Kalm: background sync failed, retrying later', err) },
      // "Open logs folder" and "Open data folder" work here too: the web host runs on the user's own machine.
      openPath: (folder) => openFolder(folder),
    });
  })();
  const dev = values.dev ? devRenderer() : null;
  // The page is served while the store loads (cold start): its calls wait for the store, except the inbox's
  // first page when the last run saved it and no file changed since.
  const host = await startWebHost({ kalm: deferredKalm(dataDir, opening, early), rendererDir, port, ...(dev ? { devRenderer: dev.devRenderer, onServer: dev.onServer } : {}) });
  listening();
  log.info(`web host started on port ${host.port}${dev ? ' (development)' : ''}`);
  process.stdout.write(`Kalm is running at ${host.url}\n`);
  if (!values['no-open'] && !process.env.CI) openInBrowser(host.url);
  // SIGINT (Ctrl+C), SIGTERM and SIGHUP (the terminal closed): stop serving, flush, release the lock, exit once —
  // also while the store is still opening.
  exitOnSignals(async () => {
    await host.close();
    await dev?.close();
    await (await opening.catch(() => null))?.close();
  }, { onError: (err) => log.error('Kalm: closing failed', err) });
  let kalm: Awaited<typeof opening>;
  try {
    kalm = await opening;
  } catch (err) {
    await host.close();
    await dev?.close();
    throw err;
  }
  // Syncs every N minutes (Settings) while the web host runs.
  kalm.background.start();
  for (const p of kalm.problems) log.warn(`Kalm: ${p.reason}${p.movedTo ? ` — moved to ${p.movedTo}` : ''}`);
  process.stdout.write('Kalm has opened your reviews.\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`Kalm could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
