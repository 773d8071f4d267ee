import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';
import { currentCliBundle } from '../../bin/bundle-check.js';
import { ROOT, runNode } from './run-kalm';

const isCurrent = currentCliBundle;
const build = buildCli;

describe('bin/kalm.js: runs the CLI bundle only while it is current', () => {
  let root: string;
  const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kalm-bundle-check-'));
    mkdirSync(path.join(root, 'dist-cli'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'a.ts'), 'a');
    writeFileSync(path.join(root, 'src', 'b.ts'), 'b');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is null without a bundle', () => {
    expect(isCurrent(root)).toBeNull();
  });

  it('gives the bundle when it is newer than every input, and null once one input is newer', () => {
    writeFileSync(path.join(root, 'dist-cli', 'kalm.mjs'), '');
    writeFileSync(path.join(root, 'dist-cli', 'inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
    at('src/a.ts', 1_000);
    at('src/b.ts', 1_000);
    at('dist-cli/kalm.mjs', 2_000);
    expect(isCurrent(root)).toBe(path.join(root, 'dist-cli', 'kalm.mjs'));
    at('src/b.ts', 3_000);
    expect(isCurrent(root)).toBeNull();
  });

  it('is null when an input is gone or the input list is empty or broken', () => {
    at('src/b.ts', 1_000);
    writeFileSync(path.join(root, 'dist-cli', 'inputs.json'), JSON.stringify(['src/a.ts', 'src/gone.ts']));
    at('dist-cli/kalm.mjs', 2_000);
    expect(isCurrent(root)).toBeNull();
    writeFileSync(path.join(root, 'dist-cli', 'inputs.json'), '[]');
    at('dist-cli/kalm.mjs', 2_000);
    expect(isCurrent(root)).toBeNull();
    writeFileSync(path.join(root, 'dist-cli', 'inputs.json'), '{not json');
    at('dist-cli/kalm.mjs', 2_000);
    expect(isCurrent(root)).toBeNull();
  });
});

describe('the CLI bundle behaves like the sources', () => {
  // Inside the checkout, so the bundle finds node_modules and package.json as dist-cli/ does.
  const outdir = path.join(ROOT, `dist-cli-test-${process.pid}`);
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kalm-bundle-data-'));
    await build({ outdir });
  });
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every source file it was built from', () => {
    const inputs = JSON.parse(readFileSync(path.join(outdir, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs).toContain('shared/contract/index.ts');
    expect(inputs).toContain('package.json');
    expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
  });

  it('prints the same help, version and reviews as the TypeScript sources', async () => {
    const env = { KALM_DATA_DIR: dataDir };
    const fromSource = (args: string[]) => runNode(['bin/kalm.js', ...args], { ...env, KALM_CLI_FROM_SOURCE: '1' });
    const fromBundle = (args: string[]) => runNode([path.join(outdir, 'kalm.mjs'), ...args], env);
    expect((await fromSource(['demo'])).code).toBe(0);
    for (const args of [['--help'], ['--version'], ['reviews', '--json', '--rating', '1,2']]) {
      const [a, b] = await Promise.all([fromSource(args), fromBundle(args)]);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).toBe(a.stdout);
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await fromBundle(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('keeps googleapis out: the CLI loads only google-auth-library', () => {
    // The bundle is split in chunks (dist-cli/chunks/) that commands load when they need them.
    const files = ['kalm.mjs', ...readdirSync(path.join(outdir, 'chunks')).map((f) => path.join('chunks', f))];
    const code = files.map((f) => readFileSync(path.join(outdir, f), 'utf8')).join('\n');
    expect(code).toContain('google-auth-library');
    expect(code).not.toMatch(/from ["']googleapis["']/);
  });

  it('loads only what a read command needs: kalm reviews never loads the core, Google, conf or the language detector', () => {
    const chunk = (name: string) => readdirSync(path.join(outdir, 'chunks')).find((f) => f.startsWith(name));
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      const code = readFileSync(path.join(outdir, file), 'utf8');
      // Static imports only: dynamic import() is what loads the other commands on demand.
      for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) visit(path.join(path.dirname(file), m[1] ?? m[2] ?? ''));
    };
    visit(path.join('chunks', chunk('read-commands-') ?? 'missing'));
    visit('kalm.mjs');
    const code = [...reachable].map((f) => readFileSync(path.join(outdir, f), 'utf8')).join('\n');
    expect(code).toContain('function openReadView');
    for (const heavy of ['google-auth-library', 'conf', 'tinyld/light', 'papaparse']) expect(code).not.toContain(`from "${heavy}"`);
    expect(code).not.toContain('function createKalm');
  });
});
