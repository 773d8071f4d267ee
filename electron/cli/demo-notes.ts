import { KalmError } from '../../shared/domain/errors';
import type { RemovalCount } from '../../shared/workspace/removal';
import type { Kalm } from '../core/kalm';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 reviews, 2 drafts, 1 reply, 3 labels, 0 notes" */
export const removalText = (c: RemovalCount): string =>
  [plural(c.reviews, 'review', 'reviews'), plural(c.drafts, 'draft', 'drafts'), plural(c.replies, 'reply', 'replies'),
    plural(c.labels, 'label', 'labels'), plural(c.notes, 'note', 'notes'), plural(c.handoffs, 'hand-off', 'hand-offs')].join(', ');

/** After an import or connection: the demo was kept; says on stderr how to remove it (stdout stays the command's own). */
export async function noteKeptDemo(kalm: Kalm): Promise<void> {
  const ws = await kalm.call('workspace.get', {});
  if (!ws.demo) return;
  const c = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
  process.stderr.write(`The demo is kept beside your reviews (${removalText(c)}). Remove it with: kalm demo --remove\n`);
}

/**
 * Before `kalm connect google`: the demo sits on Google's source id, so connecting would remove it. The CLI cannot ask,
 * so it removes nothing and says how (nothing the owner made goes without asking).
 */
export async function refuseWhileDemo(kalm: Kalm): Promise<void> {
  if (!(await kalm.call('workspace.get', {})).demo) return;
  const c = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
  throw new KalmError('forbidden', `The demo uses Google's place in Kalm, so it has to go before Google is connected (${removalText(c)}). Nothing was changed. Remove it with \`kalm demo --remove\`, then connect again.`);
}
