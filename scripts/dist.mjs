// `npm run dist [-- electron-builder args, e.g. --dir]`: installers for the desktop app.
//  1. checks that the Electron binary is installed and the network reachable; otherwise one plain sentence, exit 1;
//  2. builds the renderer, the CLI and the Electron shell, with the publisher's Google OAuth client baked in
//     when KALM_GOOGLE_CLIENT_ID (and KALM_GOOGLE_CLIENT_SECRET) are set (never written to the repository);
//  3. runs electron-builder with electron-builder.yml, the update feed filled in from KALM_UPDATE_URL or KALM_UPDATE_GITHUB.
import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { buildCli } from './build-cli.mjs';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
/** Where electron-builder downloads its packaging tools (AppImage, NSIS, fpm) and Electron itself. */
export const DOWNLOAD_HOST = 'github.com';
const NETWORK_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INTERNET_DISCONNECTED'];

/** The one sentence for a failed electron-builder run, from what it printed. */
export function plainDistFailure(output, exitCode) {
  const code = NETWORK_CODES.find((c) => output.includes(c));
  if (code) {
    const host = /(?:getaddrinfo \w+|connect \w+) ([\w.-]+)/.exec(output)?.[1];
    return `Kalm: npm run dist needs network access to download electron-builder's packaging tools${host ? ` (${host} could not be reached: ${code})` : ` (${code})`}; connect to the internet and try again.`;
  }
  return `Kalm: electron-builder stopped with exit code ${exitCode}; its own message is above.`;
}

/** The publisher's OAuth client from the environment, or null; a malformed one is refused with a sentence. */
export function publisherClientFromEnv(env = process.env) {
  const clientId = env.KALM_GOOGLE_CLIENT_ID?.trim();
  if (!clientId) return null;
  if (!/^[\w.-]{10,300}$/.test(clientId)) throw new Error('Kalm: KALM_GOOGLE_CLIENT_ID does not look like a Google OAuth client ID (letters, digits, dots and dashes, e.g. 1234-abc.apps.googleusercontent.com).');
  return { clientId, clientSecret: env.KALM_GOOGLE_CLIENT_SECRET?.trim() ?? '' };
}

/** electron-builder.yml with the update feed resolved: generic (KALM_UPDATE_URL), GitHub releases (KALM_UPDATE_GITHUB=owner/repo) or none. */
export function resolvedConfig(env = process.env) {
  const yaml = require('js-yaml');
  const config = yaml.load(readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8'));
  const github = env.KALM_UPDATE_GITHUB?.trim();
  const url = env.KALM_UPDATE_URL?.trim();
  if (github) {
    const [owner, repo] = github.split('/');
    if (!owner || !repo) throw new Error('Kalm: KALM_UPDATE_GITHUB must be owner/repo, e.g. kalm-app/kalm.');
    config.publish = { provider: 'github', owner, repo, releaseType: 'release' };
  } else if (url) {
    if (!/^https:\/\//.test(url)) throw new Error('Kalm: KALM_UPDATE_URL must be an https:// address (the folder that will hold latest.yml and the installers).');
    config.publish = { provider: 'generic', url };
  } else {
    config.publish = null;
  }
  return config;
}

function run(command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'], shell: process.platform === 'win32' });
    let output = '';
    const keep = (stream) => (chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout?.on('data', keep(process.stdout));
    child.stderr?.on('data', keep(process.stderr));
    child.on('error', (err) => resolve({ code: 1, output: `${output}\n${err.message}` }));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function networkReachable(host) {
  try {
    await Promise.race([lookup(host), new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), 5000))]);
    return null;
  } catch (err) {
    return err?.code ?? 'ENOTFOUND';
  }
}

async function main(args) {
  const electron = findElectronBinary();
  if ('reason' in electron) {
    throw new Error(`Kalm: npm run dist cannot build installers here because ${electron.reason}; run npm install where Electron's downloads can be reached, then try again.`);
  }
  if (process.env.KALM_DIST_OFFLINE !== '1') {
    const code = await networkReachable(DOWNLOAD_HOST);
    if (code) throw new Error(`Kalm: npm run dist needs network access to download electron-builder's packaging tools (${DOWNLOAD_HOST} could not be reached: ${code}); connect to the internet and try again, or set KALM_DIST_OFFLINE=1 when its cache is complete.`);
  }
  const publisherClient = publisherClientFromEnv();
  const config = resolvedConfig();
  console.log(publisherClient ? `Kalm: building with the publisher's Google client ${publisherClient.clientId.slice(0, 12)}… (Sources shows "Sign in with Google").` : 'Kalm: building without a publisher Google client (owners enter their own in Sources); set KALM_GOOGLE_CLIENT_ID to bake one in.');
  console.log(config.publish ? `Kalm: auto-update feed: ${config.publish.provider === 'github' ? `GitHub releases of ${config.publish.owner}/${config.publish.repo}` : config.publish.url}.` : 'Kalm: no update feed (set KALM_UPDATE_URL or KALM_UPDATE_GITHUB): this build will not update itself.');

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const renderer = await run(npm, ['run', '-s', 'build:renderer']);
  if (renderer.code !== 0) throw new Error('Kalm: the renderer did not build (vite); its message is above.');
  await buildCli();
  await buildElectron({ publisherClient });

  const dir = mkdtempSync(path.join(tmpdir(), 'kalm-dist-'));
  const configFile = path.join(dir, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config));
  const builder = path.join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  const result = await run(builder, ['--config', configFile, '--publish', 'never', ...args], { capture: true });
  if (result.code !== 0) throw new Error(plainDistFailure(result.output, result.code));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error(message.startsWith('Kalm:') ? message : `Kalm: npm run dist failed: ${message}`);
    process.exitCode = 1;
  });
}
