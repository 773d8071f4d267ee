import { randomUUID } from 'node:crypto';
import { KalmError } from '../../../shared/domain/errors';
import { LABEL_SCHEMA_VERSION, type Label } from '../../../shared/domain/label';
import type { Review } from '../../../shared/domain/review';
import { labelNameKey, type LabelRule } from '../../../shared/labels/label-schema';
import { applyRules, compileRule, ruleHasCondition } from '../../../shared/labels/rules';
import type { CallHandlers } from '../handler-map';
import type { LabelStore } from './label-store';
import { allReviews, saveReviews, type ReviewWriterDeps } from './review-writer';

export type LabelHandlers = CallHandlers<'labels.list' | 'labels.save' | 'labels.delete' | 'labels.apply' | 'labels.saveRules' | 'labels.previewRule' | 'labels.runRules'>;

export interface LabelService {
  handlers: LabelHandlers;
  /** Runs the rules on reviews about to be saved by sync (returns them with labels added). */
  labelSynced(reviews: readonly Review[]): Review[];
  /** Finds a label by id or by name (ignoring case and accents). */
  find(idOrName: string): Label | undefined;
  /** Creates a label with this name when none exists (the CLI's `--add NAME`). */
  ensure(name: string): Promise<Label>;
}

const fold = labelNameKey;
const PALETTE = ['#0f766e', '#b45309', '#7c3aed', '#be123c', '#1d4ed8', '#4d7c0f', '#a16207', '#475569'];

/** Labels, their rules and applying them to reviews: the labels' composition root (the label store is opened before the team mirrors it). */
export function wireLabels(deps: ReviewWriterDeps & { labels: LabelStore; onChanged: () => void }): LabelService {
  const { workspace, labels } = deps;
  const writable = () => {
    deps.store.assertWritable();
    if (labels.readOnly) throw new KalmError('storage', 'labels.json was written by a newer version of Kalm; labels cannot be changed here.');
  };
  const find = (idOrName: string) => labels.current.labels.find((l) => l.id === idOrName) ?? labels.current.labels.find((l) => fold(l.name) === fold(idOrName));
  const compiled = () => labels.current.rules.filter((r) => r.enabled && ruleHasCondition(r)).map(compileRule);
  const known = (ids: readonly string[]) => {
    const missing = ids.find((id) => !labels.current.labels.some((l) => l.id === id));
    if (missing) throw new KalmError('not_found', `There is no label with id "${missing.slice(0, 100)}".`);
  };

  async function saveLabel(input: { id?: string | undefined; name: string; color: string }): Promise<Label> {
    writable();
    const clash = labels.current.labels.find((l) => fold(l.name) === fold(input.name) && l.id !== input.id);
    if (clash) throw new KalmError('invalid_input', `A label named "${clash.name}" already exists.`);
    if (input.id !== undefined && !labels.current.labels.some((l) => l.id === input.id)) throw new KalmError('not_found', `There is no label with id "${input.id}".`);
    const label: Label = { schemaVersion: LABEL_SCHEMA_VERSION, id: input.id ?? `label-${randomUUID().slice(0, 8)}`, name: input.name.trim(), color: input.color.toLowerCase() };
    const list = input.id === undefined ? [...labels.current.labels, label] : labels.current.labels.map((l) => (l.id === label.id ? label : l));
    await labels.save({ ...labels.current, labels: list });
    deps.onChanged();
    return label;
  }

  async function relabel(ids: readonly string[] | null, change: (r: Review) => string[] | null): Promise<number> {
    const changed: Review[] = [];
    const visit = (r: Review | undefined) => {
      const next = r ? change(r) : null;
      if (r && next) changed.push({ ...r, labels: next });
    };
    if (ids === null) for (const r of allReviews(workspace)) visit(r);
    else for (const id of new Set(ids)) visit(workspace.get(id));
    return saveReviews(deps, changed);
  }

  const handlers: LabelHandlers = {
    'labels.list': async () => {
      const counts: Record<string, number> = {};
      for (const l of labels.current.labels) counts[l.id] = workspace.query({ status: 'all', labels: [l.id], sort: 'newest', offset: 0, limit: 1 }).total;
      return { labels: labels.current.labels, rules: labels.current.rules, counts };
    },
    'labels.save': (input) => saveLabel(input),
    'labels.delete': async ({ id }) => {
      writable();
      known([id]);
      const changed = await relabel(null, (r) => (r.labels.includes(id) ? r.labels.filter((l) => l !== id) : null));
      await labels.save({ ...labels.current, labels: labels.current.labels.filter((l) => l.id !== id), rules: labels.current.rules.filter((r) => r.labelId !== id) });
      deps.onChanged();
      return { changed };
    },
    'labels.apply': async ({ reviewIds, add, remove }) => {
      writable();
      known([...add, ...remove]);
      const missing = reviewIds.find((id) => !workspace.get(id));
      if (missing) throw new KalmError('not_found', `There is no review with id "${missing.slice(0, 200)}".`);
      const changed = await relabel(reviewIds, (r) => {
        const kept = r.labels.filter((l) => !remove.includes(l));
        const next = [...kept, ...add.filter((l) => !kept.includes(l))];
        return next.length === r.labels.length && next.every((l, i) => l === r.labels[i]) ? null : next;
      });
      return { changed };
    },
    'labels.saveRules': async ({ rules }) => {
      writable();
      known(rules.map((r) => r.labelId));
      const empty = rules.find((r) => !ruleHasCondition(r));
      if (empty) throw new KalmError('invalid_input', 'A rule needs at least one condition (words, a rating range, a source or a location); otherwise it would label every review.');
      const ids = new Set<string>();
      const unique: LabelRule[] = rules.map((r) => {
        const id = ids.has(r.id) ? `rule-${randomUUID().slice(0, 8)}` : r.id;
        ids.add(id);
        return { ...r, id };
      });
      await labels.save({ ...labels.current, rules: unique });
      deps.onChanged();
      return { rules: unique };
    },
    'labels.previewRule': async ({ rule }) => (ruleHasCondition(rule) ? workspace.previewRule(rule) : { matches: 0, wouldAdd: 0 }),
    'labels.runRules': async () => {
      writable();
      const rules = compiled();
      return { changed: rules.length === 0 ? 0 : await relabel(null, (r) => applyRules(rules, r)) };
    },
  };

  return {
    handlers,
    find,
    labelSynced(reviews) {
      const rules = compiled();
      if (rules.length === 0) return [...reviews];
      return reviews.map((r) => {
        const next = applyRules(rules, r);
        return next ? { ...r, labels: next } : r;
      });
    },
    async ensure(name) {
      return find(name) ?? saveLabel({ name, color: PALETTE[labels.current.labels.length % PALETTE.length] ?? '#475569' });
    },
  };
}
