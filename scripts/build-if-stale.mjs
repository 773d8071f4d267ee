// What `npm run web` builds before it starts: the renderer (Vite) and the web host bundle (esbuild), each only
// when it is missing or a file it was built from is newer than it — the rule the `kalm` command's bundle uses
// (bin/bundle-check.js, <dir>/inputs.json). `npm run build` always builds everything.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { currentBundle } from '../bin/bundle-check.js';
import { buildWeb } from './build-web.mjs';
import { root } from './node-bundle.mjs';

if (currentBundle(root, 'dist/renderer', 'index.html') === null) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
if (currentBundle(root, 'dist-web', 'web-host.mjs') === null) await buildWeb();
