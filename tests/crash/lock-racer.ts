// Child process for tests/unit/store-lock.test.ts.
//   race <dataDir> <startAtMs>: waits until startAtMs, tries to take the lock, prints WON or LOCKED, holds it briefly.
//   exit <dataDir>: takes the lock, prints HELD and exits without releasing (the 'exit' hook must remove it).
import { KalmError } from '../../shared/domain/errors';
import { acquireDataLock } from '../../electron/core/store/lock';

const [mode, dataDir, startAt] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-racer.ts race|exit <dataDir> [startAtMs]');

if (mode === 'hold') {
  // hold <dataDir> <ms>: takes the lock, prints HELD, releases it after <ms>.
  const lock = await acquireDataLock(dataDir);
  process.stdout.write('HELD\n');
  await new Promise((r) => setTimeout(r, Number(startAt ?? 500)));
  await lock.release();
  process.exit(0);
}

if (mode === 'exit') {
  await acquireDataLock(dataDir);
  process.stdout.write('HELD\n');
  process.exit(0);
}

// Sleep until just before the start, then spin, so all racers start within a millisecond.
const start = Number(startAt ?? 0);
if (start - Date.now() > 30) await new Promise((r) => setTimeout(r, start - Date.now() - 30));
while (Date.now() < start) {
  /* spin */
}
try {
  const lock = await acquireDataLock(dataDir);
  process.stdout.write(`WON ${process.pid}\n`);
  await new Promise((r) => setTimeout(r, 1_000));
  await lock.release();
} catch (err) {
  if (err instanceof KalmError && err.code === 'locked') process.stdout.write(`LOCKED ${err.message}\n`);
  else {
    process.stdout.write(`ERROR ${String(err)}\n`);
    process.exitCode = 1;
  }
}
