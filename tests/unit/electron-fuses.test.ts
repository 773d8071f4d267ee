import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (no types of its own); only `load` is used.
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { asar?: boolean; electronFuses?: Record<string, unknown> };
/** electron-builder's own schema of the fuses block, from the installed version. */
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, { type?: string }> } };
};

describe('Electron fuses (electron-builder.yml)', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on cookie encryption, asar integrity and asar-only loading', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // Loading only from a verified app.asar needs the app packed as asar.
    expect(config.asar).toBe(true);
  });

  it('uses only options electron-builder knows, each a boolean', () => {
    const known = schema.definitions.FuseOptionsV1.properties;
    for (const [name, value] of Object.entries(config.electronFuses ?? {})) {
      expect(Object.keys(known), name).toContain(name);
      expect(typeof value, name).toBe('boolean');
    }
  });
});
