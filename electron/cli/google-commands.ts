import type { KalmCore } from '../core/create-kalm';
import type { Kalm } from '../core/kalm';
import { openInBrowser } from '../web-host/open-browser';
import { parseFlags } from './args';
import type { SourceHook } from './command';
import { refuseWhileDemo } from './demo-notes';
import { writeOut } from './output';
import { checkWatch, watchSync } from './sync-watch';

/** `kalm connect google [--no-open]`: prints the consent URL alone on a line, waits for the browser, stores the grant. */
async function connect(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, { 'no-open': { type: 'boolean' } }, ['google']);
  await refuseWhileDemo(kalm);
  // The core, not the contract: `google.connect` answers with the URL and lets the sign-in finish in the
  // background (the app follows `workspace.sourcesChanged`); the CLI must wait until the grant is stored and the locations
  // are found before it closes the data folder, and only the Google service's `done` says when that is.
  const { authUrl, done } = await kalm.google.beginConnect();
  await writeOut(`${authUrl}\n`);
  process.stderr.write('Open the address above in your browser and allow Kalm to read your Business Profile. Waiting…\n');
  if (!v['no-open']) openInBrowser(authUrl);
  await done;
  const status = await kalm.call('google.status', {});
  const chosen = status.locations.filter((l) => l.selected).length;
  process.stderr.write(`Connected. ${status.locations.length} location${status.locations.length === 1 ? '' : 's'} found, ${chosen} chosen to sync. Run \`kalm sync\` next.\n`);
  return '';
}

/** `kalm sync [--full] [--json]`: progress on stderr; the totals on stdout. */
async function sync(kalm: Kalm, args: string[]): Promise<string> {
  if (args.includes('--watch')) return watchSync(kalm, args);
  const v = parseFlags(args, { full: { type: 'boolean' }, json: { type: 'boolean' } });
  const off = kalm.on('google.syncProgress', (p) => process.stderr.write(`Location ${p.locationIndex} of ${p.locationCount}: ${p.reviewsFetched} reviews fetched\n`));
  try {
    const t = await kalm.call('google.sync', { full: v.full ?? false });
    if (v.json) return JSON.stringify({ locations: t.locations, reviews: t.reviews, new: t.new, updated: t.updated, deleted: t.deleted });
    return `Synced ${t.locations} location${t.locations === 1 ? '' : 's'}: ${t.reviews} reviews fetched, ${t.new} new, ${t.updated} updated, ${t.deleted} deleted on Google.`;
  } finally {
    off();
  }
}

/** Google Business Profile's hooks for `kalm connect google` and `kalm sync --source google` (source-commands.ts routes). */
export const googleHooks: { connect: SourceHook; sync: SourceHook } = {
  connect: { check: (a) => void parseFlags(a, { 'no-open': { type: 'boolean' } }, ['google']), run: connect },
  sync: { check: checkWatch, run: sync },
};
