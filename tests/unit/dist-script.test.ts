import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainDistFailure, publisherClientFromEnv, resolvedConfig } from '../../scripts/dist.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run dist', () => {
  it('without the Electron binary: one plain sentence and exit code 1, no stack trace', () => {
    // ELECTRON_OVERRIDE_DIST_PATH at a folder without Electron: the same as a machine where it could not be downloaded.
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'dist.mjs'), '--dir'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'no-electron-here') },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Kalm: npm run dist cannot build installers here because the Electron binary is not at .*; run npm install/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('turns a network failure of electron-builder into one sentence', () => {
    const output = '  • downloading url=https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip\n  ⨯ getaddrinfo ENOTFOUND github.com\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26)';
    expect(plainDistFailure(output, 1)).toBe("Kalm: npm run dist needs network access to download electron-builder's packaging tools (github.com could not be reached: ENOTFOUND); connect to the internet and try again.");
    expect(plainDistFailure('⨯ cannot find icon', 2)).toBe('Kalm: electron-builder stopped with exit code 2; its own message is above.');
  });

  it('reads the publisher client and the update feed from the environment, and refuses malformed ones', () => {
    expect(publisherClientFromEnv({})).toBeNull();
    expect(publisherClientFromEnv({ KALM_GOOGLE_CLIENT_ID: ' 1234-abc.apps.googleusercontent.com ', KALM_GOOGLE_CLIENT_SECRET: 'GOCSPX-x' })).toEqual({ clientId: '1234-abc.apps.googleusercontent.com', clientSecret: 'GOCSPX-x' });
    expect(() => publisherClientFromEnv({ KALM_GOOGLE_CLIENT_ID: 'bad id; rm -rf' })).toThrow(/does not look like a Google OAuth client ID/);
    expect(resolvedConfig({}).publish).toBeNull();
    expect(resolvedConfig({ KALM_UPDATE_URL: 'https://updates.example.org/kalm/' }).publish).toEqual({ provider: 'generic', url: 'https://updates.example.org/kalm/' });
    expect(resolvedConfig({ KALM_UPDATE_GITHUB: 'kalm-app/kalm' }).publish).toEqual({ provider: 'github', owner: 'kalm-app', repo: 'kalm', releaseType: 'release' });
    expect(() => resolvedConfig({ KALM_UPDATE_URL: 'http://insecure.example.org/' })).toThrow(/https/);
    // The rest of electron-builder.yml is kept as it is.
    expect(resolvedConfig({})).toMatchObject({ appId: 'nl.kalm.app', productName: 'Kalm', linux: { maintainer: 'Kalm <hello@kalm.app>' } });
  });
});
