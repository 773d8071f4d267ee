import { KalmError } from '../../shared/domain/errors';
import type { RemovalCount } from '../../shared/workspace/removal';
import type { KalmCore } from '../core/create-kalm';
import { parseFlags, UsageError } from './args';

const demoFlags = { remove: { type: 'boolean' }, json: { type: 'boolean' } } as const;

export const demoUsage = `  demo                      load the demo workspace into the data folder
  demo --remove [--json]    remove the demo with every draft, reply, label and note on its
                            reviews (no file is left behind); prints what it removed`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 reviews, 2 drafts, 1 reply, 3 labels, 0 notes" */
export const removalText = (c: RemovalCount): string =>
  [plural(c.reviews, 'review', 'reviews'), plural(c.drafts, 'draft', 'drafts'), plural(c.replies, 'reply', 'replies'),
    plural(c.labels, 'label', 'labels'), plural(c.notes, 'note', 'notes'), plural(c.handoffs, 'hand-off', 'hand-offs')].join(', ');

export function checkDemo(args: string[]): void {
  const v = parseFlags(args, demoFlags);
  if (v.json && !v.remove) throw new UsageError('--json goes with --remove: kalm demo --remove --json');
}

/** `kalm demo` loads the demo; `kalm demo --remove [--json]` removes it with everything on its reviews. */
export async function runDemo(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, demoFlags);
  if (v.remove) {
    const removed = await kalm.call('workspace.remove', { target: { kind: 'demo' } });
    return v.json ? JSON.stringify({ removed }, null, 2) : `Removed the demo: ${removalText(removed)}.`;
  }
  const ws = await kalm.call('workspace.loadDemo', {});
  return `Loaded the demo: ${ws.reviewCount} reviews at ${ws.locations.length} locations into ${kalm.dataDir}`;
}

/** After an import or connection: the demo was kept; says on stderr how to remove it (stdout stays the command's own). */
export async function noteKeptDemo(kalm: KalmCore): Promise<void> {
  const ws = await kalm.call('workspace.get', {});
  if (!ws.demo) return;
  const c = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
  process.stderr.write(`The demo is kept beside your reviews (${removalText(c)}). Remove it with: kalm demo --remove\n`);
}

/**
 * Before `kalm connect google`: the demo sits on Google's source id, so connecting would remove it. The CLI cannot ask,
 * so it removes nothing and says how (issue 17: nothing the owner made goes without asking).
 */
export async function refuseWhileDemo(kalm: KalmCore): Promise<void> {
  if (!(await kalm.call('workspace.get', {})).demo) return;
  const c = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
  throw new KalmError('forbidden', `The demo uses Google's place in Kalm, so it has to go before Google is connected (${removalText(c)}). Nothing was changed. Remove it with \`kalm demo --remove\`, then connect again.`);
}
