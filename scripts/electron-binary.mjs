// Finds the Electron executable without ever triggering a download.
// `require('electron')` downloads the binary when it is missing, which cannot work on
// machines without network access; this reads the same files it would, and only checks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ root?: string, env?: NodeJS.ProcessEnv }} [opts]
 * @returns {{ path: string } | { reason: string }}
 */
export function findElectronBinary(opts = {}) {
  const root = opts.root ?? projectRoot;
  const env = opts.env ?? process.env;
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative || defaultExecutable());
    return existsSync(candidate)
      ? { path: candidate }
      : { reason: `the Electron binary is not at ${candidate} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (!relative) {
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt and dist are missing; it cannot be downloaded on this machine)',
    };
  }
  const candidate = path.join(pkgDir, 'dist', relative);
  if (!existsSync(candidate)) {
    return {
      reason: `the Electron binary is not installed (node_modules/electron/dist/${relative} is missing; it cannot be downloaded on this machine)`,
    };
  }
  return { path: candidate };
}

/** The executable's path inside a dist folder, as electron's install script writes it to path.txt. */
function defaultExecutable(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findElectronBinary();
  console.log('path' in found ? found.path : `no Electron: ${found.reason}`);
}
