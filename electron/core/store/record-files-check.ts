import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { OUTBOX_SCHEMA_VERSION } from '../../../shared/domain/outbox';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { LABELS_FILE_VERSION, LabelsFile } from '../../../shared/labels/label-schema';
import { REPLY_HISTORY_VERSION } from '../../../shared/outbox/reply-history';
import { TEMPLATE_SCHEMA_VERSION } from '../../../shared/reply/templates';
import { HANDOFF_DIR } from '../handoff/forward-store';
import { LABELS_FILE } from '../labels/label-store';
import { OUTBOX_META_DIR, OUTBOX_META_VERSION } from '../outbox/meta';
import { TEMPLATES_DIR } from '../templates/template-store';
import { DRAFTS_DIR } from './drafts';
import { readJsonOrQuarantine, type JsonFileSpec } from './json-file-recovery';
import { OUTBOX_DIR } from './outbox';
import { REPLY_HISTORY_DIR } from '../outbox/history';

/**
 * The record folders (drafts, outbox, …) and labels.json as `kalm doctor` sees them, without changing
 * anything: a file that is not JSON, or one from a newer Kalm, is listed the way the core would report it
 * at start (record-files.ts, label-store.ts). Older files are not checked against today's layout here:
 * the core upgrades them when it opens the folder.
 */
const RECORD_FOLDERS: readonly { dir: string; version: number; what: string; instead: string }[] = [
  { dir: DRAFTS_DIR, version: DRAFT_SCHEMA_VERSION, what: 'A draft reply', instead: 'The other drafts are kept.' },
  { dir: OUTBOX_DIR, version: OUTBOX_SCHEMA_VERSION, what: 'An outbox item', instead: 'The other outbox items are kept.' },
  { dir: OUTBOX_META_DIR, version: OUTBOX_META_VERSION, what: 'An outbox note', instead: 'The other outbox items are kept.' },
  { dir: REPLY_HISTORY_DIR, version: REPLY_HISTORY_VERSION, what: 'A reply history', instead: 'The replies themselves are kept in the reviews.' },
  { dir: TEMPLATES_DIR, version: TEMPLATE_SCHEMA_VERSION, what: 'A reply template', instead: 'The other templates are kept.' },
  { dir: HANDOFF_DIR, version: 1, what: 'A hand-off record', instead: 'The other hand-offs are kept.' },
];

const LABELS_SPEC: JsonFileSpec<unknown> = {
  file: LABELS_FILE, schema: LabelsFile, version: LABELS_FILE_VERSION,
  what: 'Your labels and rules', instead: 'Kalm starts without labels and rules; the labels on reviews are kept.',
};

async function jsonFiles(dataDir: string, dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dataDir, dir), { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => `${dir}/${e.name}`)
      .sort();
  } catch {
    return [];
  }
}

/** Problems with labels.json and the files of the record folders, found without moving anything. */
export async function checkRecordFiles(dataDir: string, now: () => Date = () => new Date()): Promise<StoreProblem[]> {
  const specs: JsonFileSpec<unknown>[] = [LABELS_SPEC];
  for (const folder of RECORD_FOLDERS) {
    for (const file of await jsonFiles(dataDir, folder.dir)) specs.push({ file, schema: z.unknown(), version: folder.version, what: folder.what, instead: folder.instead });
  }
  const problems: StoreProblem[] = [];
  for (const spec of specs) {
    const { problem } = await readJsonOrQuarantine(dataDir, spec, { now, dryRun: true });
    if (problem) problems.push(problem);
  }
  return problems;
}
