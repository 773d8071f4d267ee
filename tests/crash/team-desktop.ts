// Child process for tests/unit/team-crash.test.ts:
// `node --import tsx tests/crash/team-desktop.ts <dataDir> <google JSON|none> [publish|sync|live]`.
// Opens a team desktop's whole core (team.json in <dataDir>) with the Google emulator's roots, OAuth client and
// a refresh token, and prints READY. `publish` (default): publishes the outbox through the contract (a claim on the
// team server first, then the reply to Google), prints DONE; the parent SIGKILLs it while the reply is on its way.
// `sync`: a live desktop (replicating, as the web host) runs one scheduled Google sync (the sync lease first),
// prints SYNCED, and stays up holding the lease until the parent SIGKILLs it. `live`: a live desktop that only
// replicates, up until the parent SIGKILLs it.
import { z } from 'zod';
import { createKalm } from '../../electron/core/create-kalm';
import { createMemoryTokenVault } from '../../electron/core/sources/google/token-vault';

const [dataDir, json, mode = 'publish'] = process.argv.slice(2);
if (!dataDir || !json) throw new Error('usage: team-desktop.ts <dataDir> <google JSON>');
const Google = z.object({
  roots: z.object({ api: z.string(), auth: z.string(), token: z.string() }),
  client: z.object({ clientId: z.string(), clientSecret: z.string() }),
  refreshToken: z.string(),
});
const google = json === 'none' ? null : Google.parse(JSON.parse(json));

const kalm = await createKalm({
  dataDir,
  host: mode === 'publish' ? 'test' : 'web',
  autoPublish: false,
  ...(google ? { google: { roots: google.roots, client: google.client, vault: createMemoryTokenVault({ refresh_token: google.refreshToken }) } } : {}),
});
process.stdout.write('READY\n');
if (mode === 'live') {
  setInterval(() => undefined, 60_000); // replicating until killed
} else if (mode === 'sync') {
  kalm.background.start();
  await kalm.background.runNow();
  process.stdout.write('SYNCED\n');
  setInterval(() => undefined, 60_000); // up until killed
} else {
  const { results } = await kalm.call('outbox.publish', {});
  process.stdout.write(`DONE ${JSON.stringify(results)}\n`);
  await kalm.close();
}
