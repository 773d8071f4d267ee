// Is a bundle (dist-cli/kalm.mjs from scripts/build-cli.mjs, dist-web/web-host.mjs from scripts/build-web.mjs)
// safe to run instead of the sources? Only while it exists and no file it was built from (<dir>/inputs.json)
// is newer than it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the checkout (holds the bundle folder and the sources)
 * @param {string} dir the bundle folder, relative to root (e.g. `dist-web`)
 * @param {string} file the bundle's entry file in that folder (e.g. `web-host.mjs`)
 * @returns {string | null} the bundle's path when it is current, otherwise null
 */
export function currentBundle(root, dir, file) {
  const bundle = path.join(root, dir, file);
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, dir, 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return null;
    const fresh = inputs.every((f) => typeof f === 'string' && statSync(path.join(root, f)).mtimeMs <= built);
    return fresh ? bundle : null;
  } catch {
    return null; // no bundle yet, or a source file it names is gone
  }
}

/**
 * @param {string} root the checkout (holds dist-cli/ and the sources)
 * @returns {string | null} the CLI bundle's path when it is current, otherwise null
 */
export function currentCliBundle(root) {
  return currentBundle(root, 'dist-cli', 'kalm.mjs');
}
