// `npm start`: the desktop app when the Electron binary is installed, otherwise the web host.
import { spawn } from 'node:child_process';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command with inherited stdio; forwards SIGINT/SIGTERM; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env, shell: process.platform === 'win32' });
    const forward = (signal) => () => {
      if (child.exitCode === null) child.kill(signal);
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const done = (code) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    child.on('error', (err) => {
      console.error(`Kalm: could not run ${command}: ${err.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 1)));
  });
}

function noDisplayReason() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no display is available (DISPLAY and WAYLAND_DISPLAY are unset)';
}

async function main() {
  const found = findElectronBinary();
  const reason = 'reason' in found ? found.reason : noDisplayReason();
  if (reason !== undefined || !('path' in found)) {
    console.log(`Kalm: ${reason} — starting the web host instead (npm run web).`);
    return run(npm, ['run', 'web']);
  }
  const built = await run(npm, ['run', 'build']);
  if (built !== 0) return built;
  // ELECTRON_RUN_AS_NODE would turn the binary into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return run(found.path, [projectRoot], env);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`Kalm: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
