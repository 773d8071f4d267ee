import { parseArgs } from 'node:util';
import { KalmError } from '../../shared/domain/errors';
import { LABEL_COLOURS, labelNameKey, type Label } from '../../shared/labels/label-schema';
import type { Kalm } from '../core/kalm';
import { parseFlags, UsageError } from './args';
import type { Command } from './command';

export const labelUsage = `  label <id> --add L | --remove L
                            add or remove a label (name or id) on a review; --add creates
                            a label that does not exist yet
  labels [--json]           the labels with how many reviews carry each
  rules [--json]            the auto-label rules, in the order they run`;

const labelOptions = { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } } as const;
const jsonOption = { json: { type: 'boolean' } } as const;

function parseLabel(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: labelOptions, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || id.trim() === '' || extra.length > 0) throw new UsageError('label takes exactly one review id (see `kalm reviews --json`)');
  const add = parsed.values.add ?? [], remove = parsed.values.remove ?? [];
  if (add.length + remove.length === 0) throw new UsageError('label needs --add LABEL or --remove LABEL');
  if ([...add, ...remove].some((l) => l.trim() === '' || l.length > 60)) throw new UsageError('a label name is 1 to 60 characters');
  return { id, add, remove };
}

/** The label `idOrName` names: its id, or its name compared as the core compares names (labelNameKey). */
const labelNamed = (labels: readonly Label[], idOrName: string): Label | undefined =>
  labels.find((l) => l.id === idOrName) ?? labels.find((l) => labelNameKey(l.name) === labelNameKey(idOrName));

/** `kalm label <id> --add L | --remove L`: a name in --add that is no label yet becomes one (the next colour of the palette). */
async function label(kalm: Kalm, args: string[]): Promise<string> {
  const { id, add, remove } = parseLabel(args);
  await kalm.call('reviews.get', { id }); // an unknown review fails before any label is created
  const known = [...(await kalm.call('labels.list', {})).labels];
  const addIds = [];
  for (const name of add) {
    let found = labelNamed(known, name.trim());
    if (!found) {
      found = await kalm.call('labels.save', { name: name.trim(), color: LABEL_COLOURS[known.length % LABEL_COLOURS.length] ?? '#475569' });
      known.push(found);
    }
    addIds.push(found.id);
  }
  const removeIds = remove.map((name) => {
    const found = labelNamed(known, name.trim());
    if (!found) throw new KalmError('not_found', `There is no label "${name}". See \`kalm labels\`.`);
    return found.id;
  });
  const { changed } = await kalm.call('labels.apply', { reviewIds: [id], add: addIds, remove: removeIds });
  const labels = (await kalm.call('reviews.get', { id })).labels.map((l) => labelNamed(known, l)?.name ?? l);
  return `${changed ? 'Changed' : 'Unchanged'}: ${id} has ${labels.length ? labels.join(', ') : 'no labels'}.`;
}

/** `kalm labels [--json]`. */
async function labels(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const view = await kalm.call('labels.list', {});
  const rows = view.labels.map((l) => ({ id: l.id, name: l.name, color: l.color, reviews: view.counts[l.id] ?? 0 }));
  if (v.json) return JSON.stringify(rows, null, 2);
  if (rows.length === 0) return 'No labels yet. Add one with `kalm label <id> --add NAME` or in Settings → Labels.';
  return rows.map((r) => `${r.name.padEnd(24)} ${String(r.reviews).padStart(7)} reviews  ${r.color}  ${r.id}`).join('\n');
}

/** `kalm rules [--json]`. */
async function rules(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const view = await kalm.call('labels.list', {});
  if (v.json) return JSON.stringify(view.rules, null, 2);
  if (view.rules.length === 0) return 'No auto-label rules. Add them in Settings → Labels.';
  const name = (id: string) => view.labels.find((l) => l.id === id)?.name ?? id;
  return view.rules.map((r, i) => {
    const when = [
      r.words.length ? `text has ${r.words.map((w) => `"${w}"`).join(' or ')}` : null,
      r.minRating !== null || r.maxRating !== null ? `rating ${r.minRating ?? 1}–${r.maxRating ?? 5}★` : null,
      r.sources.length ? `source ${r.sources.join('/')}` : null,
      r.locationIds.length ? `location ${r.locationIds.join('/')}` : null,
    ].filter(Boolean).join(', ');
    return `${i + 1}. ${r.enabled ? '' : '(off) '}${when} → ${name(r.labelId)}`;
  }).join('\n');
}

export const labelCommands: Record<string, Command> = {
  label: { check: (a) => void parseLabel(a), readOnly: false, run: label },
  labels: { check: (a) => void parseFlags(a, jsonOption), readOnly: true, run: labels },
  rules: { check: (a) => void parseFlags(a, jsonOption), readOnly: true, run: rules },
};
