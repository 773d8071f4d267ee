import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStderrLog } from '../../electron/core/log/logger';
import { CHECK_EVERY_MS, startAutoUpdate } from '../../electron/updater';
import type { UpdateStatus } from '../../shared/contract/app';
import { tempDataDir } from './helpers';

/**
 * electron-updater's real logic (feed, version compare, download, sha512 check) in plain Node against a
 * feed served from 127.0.0.1. Only `electron` is mocked: its `net.request` becomes Node's http.request.
 */
const require = createRequire(import.meta.url);
const electronPath = require.resolve('electron');
require.cache[electronPath] = {
  id: electronPath, filename: electronPath, loaded: true, exports: {
    net: { request: (options: Record<string, unknown>) => httpRequest(options) },
    session: { fromPartition: () => ({}) },
    autoUpdater: { emit: () => undefined },
  },
} as unknown as NodeJS.Module;
const { AppImageUpdater } = require('electron-updater') as typeof import('electron-updater');
// The executor the packaged app uses (Electron's net module, mocked above); with an app adapter given, electron-updater leaves it unset.
const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as { ElectronHttpExecutor: new () => unknown };

const artifact = Buffer.from('#!/bin/sh\necho "Kalm 0.2.0 (a dummy AppImage for the update-feed test)"\n'.repeat(200));
const sha512 = createHash('sha512').update(artifact).digest('base64');
const feed = `version: 0.2.0
files:
  - url: Kalm-0.2.0.AppImage
    sha512: ${sha512}
    size: ${artifact.length}
path: Kalm-0.2.0.AppImage
sha512: ${sha512}
releaseDate: '2026-12-01T10:00:00.000Z'
`;

let server: Server;
let feedUrl = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    requested.push(url);
    if (url === '/latest.yml' || url === '/latest-linux.yml') return res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(feed);
    if (url === '/Kalm-0.2.0.AppImage') return res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': artifact.length }).end(artifact);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  delete process.env['APPIMAGE'];
  return new Promise<void>((r) => server.close(() => r()));
});

async function updaterFor(version: string) {
  const dir = await tempDataDir();
  // What electron-builder writes into resources/ from electron-builder.yml's `publish` (generic provider).
  const configPath = path.join(dir, 'app-update.yml');
  writeFileSync(configPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: kalm-updater\n`);
  const current = path.join(dir, 'Kalm-current.AppImage');
  writeFileSync(current, 'old');
  process.env['APPIMAGE'] = current;
  const updater = new AppImageUpdater(null, {
    version, name: 'Kalm', isPackaged: true, appUpdateConfigPath: configPath, userDataPath: dir, baseCachePath: dir,
    whenReady: () => Promise.resolve(), relaunch: () => undefined, quit: () => undefined, onQuit: () => undefined,
  });
  (updater as unknown as { httpExecutor: unknown }).httpExecutor = new ElectronHttpExecutor();
  return updater;
}

describe('auto-update against a feed on 127.0.0.1', () => {
  it('finds the newer version, downloads it in the background and offers the restart', async () => {
    const updater = await updaterFor('0.1.0');
    const seen: UpdateStatus[] = [];
    const intervals: number[] = [];
    const auto = startAutoUpdate({ updater, log: createStderrLog(() => undefined), setInterval: (_fn, ms) => (intervals.push(ms), {}) });
    auto.onChange((s) => seen.push(s));
    // Checked once at start, and daily.
    expect(intervals).toEqual([CHECK_EVERY_MS]);
    await expect.poll(() => auto.status().state, { timeout: 20_000 }).toBe('ready');
    expect(auto.status()).toEqual({ state: 'ready', version: '0.2.0', percent: 100 });
    expect(seen.map((s) => s.state)).toContain('downloading');
    expect(requested.some((u) => /^\/latest(-linux)?\.yml$/.test(u))).toBe(true);
    expect(requested).toContain('/Kalm-0.2.0.AppImage');
  });

  it('stays idle when the feed has nothing newer', async () => {
    const updater = await updaterFor('0.2.0');
    const off = startAutoUpdate({ updater: null, log: createStderrLog(() => undefined) });
    expect(off.status().state).toBe('off');
    const auto = startAutoUpdate({ updater, log: createStderrLog(() => undefined), setInterval: () => ({}) });
    await expect.poll(() => auto.status().state).toBe('idle');
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(false);
    expect(result?.updateInfo.version).toBe('0.2.0');
  });

  it('reports a feed that cannot be reached as an error, without throwing', async () => {
    const updater = await updaterFor('0.1.0');
    updater.setFeedURL({ provider: 'generic', url: 'http://127.0.0.1:9/' });
    const lines: string[] = [];
    const auto = startAutoUpdate({ updater, log: createStderrLog((l) => lines.push(l)), setInterval: () => ({}) });
    await expect.poll(() => auto.status().state, { timeout: 15_000 }).toBe('error');
    expect(lines.join('\n')).toMatch(/update check failed/);
  });
});
