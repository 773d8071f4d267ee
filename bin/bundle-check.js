// Is the CLI bundle (dist-cli/kalm.mjs, from scripts/build-cli.mjs) safe to run instead of the sources?
// Only while it exists and no file it was built from (dist-cli/inputs.json) is newer than it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the checkout (holds dist-cli/ and the sources)
 * @returns {string | null} the bundle's path when it is current, otherwise null
 */
export function currentCliBundle(root) {
  const bundle = path.join(root, 'dist-cli', 'kalm.mjs');
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, 'dist-cli', 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return null;
    const fresh = inputs.every((file) => typeof file === 'string' && statSync(path.join(root, file)).mtimeMs <= built);
    return fresh ? bundle : null;
  } catch {
    return null; // no bundle yet, or a source file it names is gone
  }
}
