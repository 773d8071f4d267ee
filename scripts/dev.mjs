// `npm run dev`: the desktop app with a development loop. Main and preload are rebuilt by esbuild on every change
// (Electron restarts), the renderer comes from Vite's dev server with hot reload (electron/dev-renderer.ts passes
// app://kalm/ through to it). Where the Electron binary or a display is missing it says so in one sentence and
// runs `npm run dev:web` instead: the web host with the same hot-reloading renderer in your browser.
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { context } from 'esbuild';
import { electronBuildOptions } from './build-electron.mjs';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function noDisplayReason() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no display is available (DISPLAY and WAYLAND_DISPLAY are unset)';
}

/** A free loopback port for Vite (so its hot-reload client and the server agree on it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 5173));
    });
  });
}

function runWeb() {
  const child = spawn(npm, ['run', 'dev:web', '--', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => (process.exitCode = code ?? 1));
}

async function main() {
  const found = findElectronBinary();
  const reason = 'reason' in found ? found.reason : noDisplayReason();
  if (reason !== undefined || !('path' in found)) {
    console.log(`Kalm: npm run dev needs the Electron app, but ${reason}; starting the web host with hot reload instead (npm run dev:web).`);
    return runWeb();
  }
  const { createServer } = await import('vite');
  const port = await freePort();
  // The page's origin is app://kalm, so Vite's hot-reload client is told where its socket is.
  const vite = await createServer({ configFile: 'vite.config.ts', server: { host: '127.0.0.1', port, strictPort: true, hmr: { protocol: 'ws', host: '127.0.0.1', port } } });
  await vite.listen();
  const rendererUrl = `http://127.0.0.1:${port}/`;

  let app = null;
  let quitting = false;
  const restart = () => {
    if (app && app.exitCode === null) {
      app.once('exit', () => restart());
      app.kill('SIGTERM');
      app = null;
      return;
    }
    const env = { ...process.env, KALM_DEV_RENDERER_URL: rendererUrl };
    delete env.ELECTRON_RUN_AS_NODE;
    app = spawn(found.path, [projectRoot], { cwd: projectRoot, stdio: 'inherit', env });
    app.on('exit', (code, signal) => {
      // Closing the window ends the dev loop; a restart after a rebuild does not.
      if (!quitting && signal === null && app?.exitCode !== null) void stop(code ?? 0);
    });
  };
  const rebuilt = {
    name: 'kalm-restart-electron',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length === 0) restart();
      });
    },
  };
  const [mainOptions, preloadOptions] = electronBuildOptions();
  const contexts = await Promise.all([context({ ...mainOptions, plugins: [rebuilt] }), context(preloadOptions)]);
  await contexts[1].rebuild();
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`Kalm dev: renderer from ${rendererUrl} (hot reload); main and preload rebuild and restart Electron on change.`);

  async function stop(code) {
    quitting = true;
    app?.kill('SIGTERM');
    await Promise.all(contexts.map((c) => c.dispose()));
    await vite.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
}

main().catch((err) => {
  console.error(`Kalm: npm run dev could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
