import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINUX_SIZES, renderIcons } from '../../scripts/icons.mjs';
import { resolvedConfig } from '../../scripts/dist.mjs';
import { tempDataDir } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pngSize = (buf: Buffer) => ({ png: buf.subarray(1, 4).toString('ascii'), width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

describe('icons from build/icon.svg', () => {
  it('renders every PNG size, an ICO and an ICNS', async () => {
    const outdir = await tempDataDir();
    const files = await renderIcons({ outdir });
    expect(files).toHaveLength(LINUX_SIZES.length + 3);
    expect(pngSize(readFileSync(path.join(outdir, 'icon.png')))).toEqual({ png: 'PNG', width: 1024, height: 1024 });
    for (const size of LINUX_SIZES) expect(pngSize(readFileSync(path.join(outdir, 'icons', `${size}x${size}.png`)))).toEqual({ png: 'PNG', width: size, height: size });
    const ico = readFileSync(path.join(outdir, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = readFileSync(path.join(outdir, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('the icons electron-builder.yml names are in build/ (committed, so a checkout can package at once)', () => {
    const config = resolvedConfig({}) as unknown as { directories: { buildResources: string }; linux: { icon: string }; win: { icon: string }; mac: { icon: string; entitlements: string } };
    expect(config.directories.buildResources).toBe('build');
    for (const file of [config.win.icon, config.mac.icon, config.mac.entitlements, 'build/icon.png', 'build/icon.svg']) expect(existsSync(path.join(root, file)), file).toBe(true);
    for (const size of LINUX_SIZES) expect(existsSync(path.join(root, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    expect(readFileSync(path.join(root, config.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });
});
