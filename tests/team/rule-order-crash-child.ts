/**
 * Child process of tests/unit/team-rule-order-crash.test.ts: opens a team desktop's data folder and reorders its
 * rules twice (each argument after the folder: the rule ids of one order, comma-separated). The first order reaches
 * the replica and the team (its applied position is not saved: the kill comes within the 500 ms before that write,
 * applied-seq.ts, so the next start applies the team's order again); then every write to its replica hangs and the
 * second order changes only `labels.json`. Prints EDITED and waits to be killed with SIGKILL.
 */
import type { KalmCore } from '../../electron/core/create-kalm';
import { cutReplicaWrites, openCrashChild, sayAndAwaitKill } from './crash-child-seams';

const [dataDir, first, second] = process.argv.slice(2);
if (!dataDir || !first || !second) throw new Error('usage: rule-order-crash-child DIR FIRST-ORDER SECOND-ORDER');

const { core, service } = await openCrashChild(dataDir);

/** Saves the same rules in this order (ids comma-separated), as dragging them in the rules list does. */
async function reorder(c: KalmCore, order: string): Promise<void> {
  const { rules } = await c.call('labels.list', {});
  const ids = order.split(',');
  const sorted = ids.map((id) => rules.find((r) => r.id === id));
  if (sorted.length !== rules.length || sorted.some((r) => !r)) throw new Error(`not an order of ${rules.map((r) => r.id).join(',')}: ${order}`);
  await c.call('labels.saveRules', { rules: sorted.flatMap((r) => (r ? [r] : [])) });
}

// First order: in the replica and with the team (applied here again from its changes feed at the next start).
await reorder(core, first);
await service.bridge.settle();
await service.syncNow();
await new Promise((r) => setTimeout(r, 50)); // a later moment for the second order

// Second order: local only, the process dies before any replica write.
cutReplicaWrites(service.db);
await reorder(core, second);
await sayAndAwaitKill('EDITED');
