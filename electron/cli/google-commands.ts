import type { KalmCore } from '../core/create-kalm';
import { refuseWhileDemo } from './demo-commands';
import { openInBrowser } from '../web-host/open-browser';
import { parseFlags } from './args';
import type { Command } from './commands';
import { checkWatch, watchSync } from './habit-commands';
import { writeOut } from './output';

/** `kalm connect google [--no-open]`: prints the consent URL alone on a line, waits for the browser, stores the grant. */
async function connect(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, { 'no-open': { type: 'boolean' } }, ['google']);
  await refuseWhileDemo(kalm);
  const { authUrl, done } = await kalm.google.beginConnect();
  await writeOut(`${authUrl}\n`);
  process.stderr.write('Open the address above in your browser and allow Kalm to read your Business Profile. Waiting…\n');
  if (!v['no-open']) openInBrowser(authUrl);
  await done;
  const status = await kalm.google.status();
  const chosen = status.locations.filter((l) => l.selected).length;
  process.stderr.write(`Connected. ${status.locations.length} location${status.locations.length === 1 ? '' : 's'} found, ${chosen} chosen to sync. Run \`kalm sync\` next.\n`);
  return '';
}

/** `kalm sync [--full] [--json]`: progress on stderr; the totals on stdout. */
async function sync(kalm: KalmCore, args: string[]): Promise<string> {
  if (args.includes('--watch')) return watchSync(kalm, args);
  const v = parseFlags(args, { full: { type: 'boolean' }, json: { type: 'boolean' } });
  const off = kalm.on('sync.progress', (p) => process.stderr.write(`Location ${p.locationIndex} of ${p.locationCount}: ${p.reviewsFetched} reviews fetched\n`));
  try {
    const t = await kalm.call('sync.run', { full: v.full ?? false });
    if (v.json) return JSON.stringify({ locations: t.locations, reviews: t.reviews, new: t.new, updated: t.updated, deleted: t.deleted });
    return `Synced ${t.locations} location${t.locations === 1 ? '' : 's'}: ${t.reviews} reviews fetched, ${t.new} new, ${t.updated} updated, ${t.deleted} deleted on Google.`;
  } finally {
    off();
  }
}

export const googleCommands: Record<string, Command> = {
  connect: { check: (a) => void parseFlags(a, { 'no-open': { type: 'boolean' } }, ['google']), readOnly: false, run: connect },
  sync: { check: checkWatch, readOnly: false, run: sync },
};
