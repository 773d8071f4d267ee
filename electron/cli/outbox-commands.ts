import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { KalmError } from '../../shared/domain/errors';
import type { Kalm } from '../core/kalm';
import { parseFlags, UsageError } from './args';
import type { Command } from './command';
import { writeOut } from './output';

const replyOptions = { text: { type: 'string' }, 'text-file': { type: 'string' } } as const;
const jsonOption = { json: { type: 'boolean' } } as const;

/** `<command> <id> [flags]`: exactly one positional (the review id), strict flags. */
function parseWithId<O extends typeof replyOptions | Record<string, never>>(command: string, args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || id.trim() === '' || extra.length > 0) throw new UsageError(`${command} takes exactly one review id (see \`kalm reviews --json\`)`);
  return { id, values: parsed.values };
}

function parseReply(args: string[]) {
  const { id, values } = parseWithId('reply', args, replyOptions);
  const text = values.text, file = values['text-file'];
  if ((text === undefined) === (file === undefined)) throw new UsageError('reply needs the reply as --text "…" or --text-file FILE (one of them)');
  return { id, text, file };
}

/** Empty or over the source's limit: a usage problem (exit 2) with only the limit message (the usage would bury it). */
const asUsage = (err: unknown): never => {
  if (err instanceof KalmError && err.code === 'invalid_input') throw new UsageError(err.issues?.[0]?.message ?? err.message, false);
  throw err;
};

/** `kalm reply <id> --text "…" | --text-file F`: queues the reply; nothing is sent until `kalm publish`. */
async function reply(kalm: Kalm, args: string[]): Promise<string> {
  const { id, text, file } = parseReply(args);
  // A file's last line break is not part of the reply.
  const body = text ?? (await readFile(file ?? '', 'utf8')).replace(/\r?\n$/, '');
  const { id: itemId } = await kalm.call('outbox.send', { reviewId: id, text: body }).catch(asUsage);
  const manual = (await kalm.call('outbox.list', {})).items.find((i) => i.id === itemId)?.copyAndOpen;
  if (manual) return `Queued reply ${itemId}. Kalm cannot post on ${manual.sourceName}: paste it there yourself${manual.url ? ` (${manual.url})` : ''}, then click "I posted it" in the app's Outbox.`;
  return `Queued reply ${itemId}. Nothing was sent yet; run \`kalm publish\` to send it.`;
}

/** `kalm unreply <id>`: queues the removal of the review's posted reply. */
async function unreply(kalm: Kalm, args: string[]): Promise<string> {
  const { id } = parseWithId('unreply', args, {});
  const { id: itemId } = await kalm.call('outbox.unreply', { reviewId: id }).catch(asUsage);
  return `Queued the removal of the reply (${itemId}). Run \`kalm publish\` to remove it on Google.`;
}

const oneLine = (text: string, max = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

async function drafts(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const { drafts: list } = await kalm.call('drafts.list', {});
  if (v.json) return JSON.stringify(list.map((d) => ({ reviewId: d.reviewId, text: d.text, updatedAt: d.updatedAt })), null, 2);
  if (list.length === 0) return 'No drafts.';
  return list.map((d) => `${d.reviewId}  ${d.updatedAt}  ${oneLine(d.text)}`).join('\n');
}

async function outbox(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const { items } = await kalm.call('outbox.list', {});
  if (v.json) return JSON.stringify(items, null, 2);
  if (items.length === 0) return 'The outbox is empty.';
  return items.map((i) => {
    const what = i.action === 'reply' ? oneLine(i.text) : '(remove the reply)';
    // A copy-and-open reply is never sent by Kalm: it waits for the owner to post it on the site.
    const manual = i.copyAndOpen !== null && (i.state === 'queued' || i.state === 'failed') ? i.copyAndOpen : null;
    const why = manual ? `post it on ${manual.sourceName} yourself${manual.url ? ` (${manual.url})` : ''}, then "I posted it" in the app` : (i.conflict?.message ?? i.lastError);
    return `${(manual ? 'to post' : i.state).padEnd(8)}  ${i.reviewId}  ${what}${why ? `\n          ${why}` : ''}`;
  }).join('\n');
}

/** `kalm publish [--json]`: sends what is queued; exits 1 (after printing the results) when an item was not sent. */
async function publish(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const { results } = await kalm.call('outbox.publish', {});
  const out = v.json
    ? JSON.stringify(results.map((r) => ({ id: r.id, reviewId: r.reviewId, ok: r.ok, ...(r.error ? { error: r.error } : {}) })), null, 2)
    : results.length === 0
      ? 'Nothing to send.'
      : results.map((r) => `${r.ok ? 'sent  ' : 'failed'}  ${r.reviewId}${r.error ? `: ${r.error}` : ''}${r.note ? ` (${r.note})` : ''}`).join('\n');
  const failed = results.filter((r) => !r.ok).length;
  if (failed === 0) return out;
  await writeOut(out + '\n');
  throw new Error(`${failed} repl${failed === 1 ? 'y was' : 'ies were'} not sent; see \`kalm outbox\`.`);
}

export const outboxCommands: Record<string, Command> = {
  reply: { check: (a) => void parseReply(a), readOnly: false, run: reply },
  unreply: { check: (a) => void parseWithId('unreply', a, {}), readOnly: false, run: unreply },
  // The drafts and the outbox are read with the writer lock: a read-only core does not load them.
  drafts: { check: (a) => void parseFlags(a, jsonOption), readOnly: false, run: drafts },
  outbox: { check: (a) => void parseFlags(a, jsonOption), readOnly: false, run: outbox },
  publish: { check: (a) => void parseFlags(a, jsonOption), readOnly: false, run: publish },
};
