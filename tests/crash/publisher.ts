// Child process for tests/unit/outbox-crash.test.ts:
// `node --import tsx tests/crash/publisher.ts <dataDir> <emulatorOrigin> <token>`.
// Publishes the outbox of <dataDir> to the emulator again and again (reviews from <dataDir>/targets.json),
// printing READY once open and DONE when nothing is left to send. The parent kills it with SIGKILL.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Review } from '../../shared/domain/review';
import { createBusinessApi } from '../../electron/core/sources/google/business-api';
import { publishAll } from '../../electron/core/sources/google/send-replies';
import { ACTIVE_STATES, OutboxQueue } from '../../electron/core/outbox/queue';
import { fetchHttp } from '../emulator/fetch-http';

const [dataDir, origin, token] = process.argv.slice(2);
if (!dataDir || !origin || !token) throw new Error('usage: publisher.ts <dataDir> <emulatorOrigin> <token>');

const Targets = z.array(z.object({ review: Review, reviewName: z.string() }));
const targets = Targets.parse(JSON.parse(await readFile(join(dataDir, 'targets.json'), 'utf8')));
const byId = new Map(targets.map((t) => [t.review.id, t]));
const api = createBusinessApi({
  http: fetchHttp(token),
  roots: { api: origin, auth: `${origin}/o/oauth2/v2/auth`, token: `${origin}/token` },
  limiter: null,
  retry: { attempts: 1 },
});
const outbox = await OutboxQueue.open(dataDir);
process.stdout.write('READY\n');

for (let run = 0; run < 50; run++) {
  await publishAll({ outbox, api, reviewOf: (id) => byId.get(id), force: true });
  if (!outbox.list().some((e) => ACTIVE_STATES.has(e.item.state))) break;
}
process.stdout.write('DONE\n');
