// Child process for tests/unit/team-crash.test.ts:
// `node --import tsx tests/crash/team-desktop.ts <dataDir> <google JSON>`.
// Opens a team desktop's whole core (team.json in <dataDir>) with the Google emulator's roots, OAuth client and
// a refresh token, prints READY, publishes the outbox through the contract (a claim on the team server first,
// then the reply to Google) and prints DONE. The parent SIGKILLs it while the reply is on its way.
import { z } from 'zod';
import { createKalm } from '../../electron/core/create-kalm';
import { createMemoryTokenVault } from '../../electron/core/sources/google/token-vault';

const [dataDir, json] = process.argv.slice(2);
if (!dataDir || !json) throw new Error('usage: team-desktop.ts <dataDir> <google JSON>');
const Google = z.object({
  roots: z.object({ api: z.string(), auth: z.string(), token: z.string() }),
  client: z.object({ clientId: z.string(), clientSecret: z.string() }),
  refreshToken: z.string(),
});
const google = Google.parse(JSON.parse(json));

const kalm = await createKalm({
  dataDir,
  host: 'test',
  autoPublish: false,
  google: { roots: google.roots, client: google.client, vault: createMemoryTokenVault({ refresh_token: google.refreshToken }) },
});
process.stdout.write('READY\n');
const { results } = await kalm.call('outbox.publish', {});
process.stdout.write(`DONE ${JSON.stringify(results)}\n`);
await kalm.close();
