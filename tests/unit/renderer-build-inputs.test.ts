import { execFile } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { currentBundle } from '../../bin/bundle-check.js';
import { tempDataDir } from './helpers';
import { ROOT } from './run-kalm';

/**
 * `npm run web` rebuilds the renderer only when it is stale (scripts/build-if-stale.mjs): the Vite build writes
 * inputs.json next to index.html, listing every file it was built from, and the CLI bundle's freshness rule
 * (bin/bundle-check.js) judges it.
 */
describe('the renderer build lists its inputs', () => {
  it('names the modules, the CSS @imports, the public files and the configuration, and goes stale when one is newer', async () => {
    const out = await tempDataDir();
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', out], { cwd: ROOT });
    const inputs = JSON.parse(readFileSync(path.join(out, 'inputs.json'), 'utf8')) as string[];
    for (const file of ['renderer/main.tsx', 'renderer/index.html', 'renderer/styles/shell.css', 'renderer/public/boot-first-page.js', 'shared/contract/reviews.ts', 'vite.config.ts', 'package.json']) {
      expect(inputs).toContain(file);
    }
    expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
    const dir = path.relative(ROOT, out);
    expect(currentBundle(ROOT, dir, 'index.html')).toBe(path.join(ROOT, dir, 'index.html'));
    // A build older than its sources (as after editing one) is rebuilt.
    utimesSync(path.join(out, 'index.html'), new Date(0), new Date(0));
    expect(currentBundle(ROOT, dir, 'index.html')).toBeNull();
  });
});
