// Child process for tests/unit/fault-suite.test.ts: the web host's start and stop path
// (createKalm + startWebHost + exitOnSignals, as electron/web-host/main.ts wires them) with an
// empty renderer folder, so it runs before `npm run build`. Prints the URL once serving.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKalm } from '../../electron/core/create-kalm';
import { exitOnSignals } from '../../electron/core/shutdown';
import { startWebHost } from '../../electron/web-host/server';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: signal-host.ts <dataDir>');
const kalm = await createKalm({ dataDir, host: 'web', loadDemoOnFirstRun: true, autoPublish: false });
const host = await startWebHost({ kalm, rendererDir: await mkdtemp(join(tmpdir(), 'kalm-renderer-')), port: 0 });
exitOnSignals(async () => {
  await host.close();
  await kalm.close();
});
process.stdout.write(`URL ${host.url}\n`);
