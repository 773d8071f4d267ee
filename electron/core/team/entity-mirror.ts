import { Label } from '../../../shared/domain/label';
import { LabelRule, type LabelsFile } from '../../../shared/labels/label-schema';
import { ReplyTemplate } from '../../../shared/reply/templates';
import { teamDocId, type EntityDoc, type TeamDoc } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import type { LabelStore } from '../labels/label-store';
import type { TemplateStore } from '../templates/template-store';
import { sameJson } from './local-docs';
import type { PendingEntityEdits } from './pending-entity-edits';
import type { PendingRemovals } from './pending-removals';
import { pushRecoveredEntities } from './recovered-entities';
import type { TeamDb } from './pouch';
import { RuleOrder } from './rule-order';

/** The stores of the workspace's label definitions, rules and templates (absent in a core opened read-only). */
export interface TeamEntityStores {
  labels: LabelStore;
  templates: TemplateStore | null;
}

type Kind = EntityDoc['type'];
type Put = (id: string, make: (prev: TeamDoc | null) => TeamDoc | null) => Promise<void>;

export interface EntityMirrorDeps {
  stores: TeamEntityStores;
  member: string;
  bus: EventBus;
  now: () => Date;
  /** Runs a write to the replica in the bridge's order. */
  queue: (job: () => Promise<void>) => void;
  put: Put;
  remove: (id: string) => Promise<void>;
  /** Where a removal is recorded before the local files change (pushed at the next start if a crash kept it from the replica). */
  pending: PendingRemovals;
  /** Where an edit is recorded before the local files change (a crash kept it from the replica: pushed merged at the next start). */
  edits: PendingEntityEdits;
  db: TeamDb;
}

const ENTITY_KINDS: readonly Kind[] = ['label', 'rule', 'template'];
export const isEntityDocId = (id: string): boolean => ENTITY_KINDS.some((k) => id.startsWith(`${k}:`));

/**
 * Keeps `labels.json` (label definitions and rules) and `templates/` the same as the team's `label:`, `rule:` and
 * `template:` documents, both ways. A local edit becomes a dated, signed document (the later edit wins a conflict,
 * the other version goes to the item's history, see shared/team/merge.ts); a document that replication brought in
 * is written to the local files with the stores' own writes, so it is not sent back.
 */
export class EntityMirror {
  private readonly saveLabels: LabelStore['save'];
  private readonly saveTemplate: TemplateStore['put'] | null;
  private readonly removeTemplate: TemplateStore['remove'] | null;
  readonly unwrap: (() => void)[] = [];
  private readonly ruleOrder: RuleOrder;
  /** While a batch of the replica's changes is applied: its label and rule changes, written to `labels.json` once at the end. */
  private staged: ((file: LabelsFile) => LabelsFile)[] | null = null;
  /** The journaled edits a crash left (document id → moment): applying the replica keeps these until pushRecovered. */
  private readonly recovered: Map<string, string>;

  constructor(private readonly d: EntityMirrorDeps) {
    const { labels, templates } = d.stores;
    this.recovered = new Map(d.edits.entries());
    const save = labels.save.bind(labels);
    this.saveLabels = save;
    this.ruleOrder = new RuleOrder({ db: d.db, labels, writeLocal: (next) => this.writeLabels(next), put: d.put, member: d.member, now: d.now, journal: d.edits });
    labels.save = async (next) => {
      const before = labels.current;
      d.pending.add(removedIds(before, next));
      const at = d.now().toISOString(), edited = editedIds(before, next), order = newRuleOrder(before, next);
      d.edits.add(edited, at, order);
      await save(next);
      d.queue(async () => {
        await this.pushLabelChanges(before, labels.current);
        d.edits.done(edited.map((id) => [id, at]));
        if (order) d.edits.ruleOrderDone(at);
      });
    };
    this.unwrap.push(() => { labels.save = save; });
    if (templates) {
      const put = templates.put.bind(templates), remove = templates.remove.bind(templates), saveInput = templates.save.bind(templates);
      this.saveTemplate = put;
      this.removeTemplate = remove;
      templates.save = async (input) => {
        // An edit is journaled first; a new template the replica lacks is pushed by the start re-check anyway.
        const at = d.now().toISOString(), edited = input.id && templates.get(input.id) ? [teamDocId.template(input.id)] : [];
        d.edits.add(edited, at);
        const saved = await saveInput(input);
        d.queue(async () => {
          await this.pushEntity('template', saved.id, saved);
          d.edits.done(edited.map((id) => [id, at]));
        });
        return saved;
      };
      templates.remove = async (id) => {
        if (templates.get(id)) d.pending.add([teamDocId.template(id)]);
        await remove(id);
        d.queue(() => d.remove(teamDocId.template(id)));
      };
      this.unwrap.push(() => { templates.save = saveInput; templates.remove = remove; });
    } else {
      this.saveTemplate = null;
      this.removeTemplate = null;
    }
  }

  /** Every label, rule and template of this folder into the replica (a new team workspace, or a folder joining with its own). */
  async uploadAll(): Promise<void> {
    const { labels, rules } = this.d.stores.labels.current;
    for (const l of labels) await this.pushEntity('label', l.id, l);
    for (const r of rules) await this.pushEntity('rule', r.id, r);
    for (const t of this.d.stores.templates?.list() ?? []) await this.pushEntity('template', t.id, t);
    if (rules.length > 0) await this.ruleOrder.push(rules.map((r) => r.id));
  }

  /** At start, after the replica's changes are applied: the edits (and the order of the rules) a crash kept from the replica, merged with the team's documents (recovered-entities.ts, rule-order.ts). */
  async pushRecovered(): Promise<void> {
    await pushRecoveredEntities({
      member: this.d.member, recovered: this.recovered, edits: this.d.edits, put: this.d.put,
      localBody: (docId) => this.localBody(docId), apply: (doc) => this.applyBatch(() => this.apply(doc)),
    });
    await this.ruleOrder.pushRecovered();
  }

  /** Resolves once the journal's dropped entries are on disk. */
  flush(): Promise<void> {
    return this.d.edits.flush();
  }

  /** After a batch of the replica's changes was applied: the rules follow the team's order. */
  afterApply(ids: readonly string[]): Promise<void> {
    return this.ruleOrder.afterApply(ids);
  }

  /** True when the label, rule or template of this document id is in this folder's files. */
  existsHere(docId: string): boolean {
    if (docId.startsWith('template:') && !this.d.stores.templates) return true;
    return !isEntityDocId(docId) || this.localBody(docId) !== undefined;
  }

  /** The label, rule or template of this document id in this folder's files. */
  private localBody(docId: string): object | undefined {
    const at = docId.indexOf(':');
    const kind = docId.slice(0, at), id = docId.slice(at + 1);
    if (kind === 'template') return this.d.stores.templates?.get(id);
    const { labels, rules } = this.d.stores.labels.current;
    if (kind === 'label') return labels.find((l) => l.id === id);
    if (kind === 'rule') return rules.find((r) => r.id === id);
    return undefined;
  }

  /** A label, rule or template document that arrived (or the merged version of a conflict). */
  async apply(doc: EntityDoc): Promise<void> {
    // A local edit a crash kept from the replica stays until pushRecovered merged it with the team's document.
    const id = doc.body.id;
    if (typeof id === 'string' && this.recovered.has(teamDocId[doc.type](id))) return;
    if (doc.type === 'template') {
      const t = ReplyTemplate.safeParse(doc.body);
      if (t.success && this.saveTemplate && !sameJson(this.d.stores.templates?.get(t.data.id), t.data)) {
        await this.saveTemplate(t.data);
        this.d.bus.emit('templates.changed', {});
      }
      return;
    }
    if (doc.type === 'label') {
      const l = Label.safeParse(doc.body);
      if (l.success) await this.change((f) => ({ ...f, labels: upsert(f.labels, l.data) }));
    } else {
      const r = LabelRule.safeParse(doc.body);
      if (r.success) await this.change((f) => ({ ...f, rules: upsert(f.rules, r.data) }));
    }
  }

  /**
   * Applies a batch of the replica's changes (`run`): its label and rule documents change `labels.json` once at the
   * end, not once per document (a join brings every label and rule of the workspace in one batch).
   */
  async applyBatch<T>(run: () => Promise<T>): Promise<T> {
    const staged: ((file: LabelsFile) => LabelsFile)[] = [];
    this.staged = staged;
    let result: T;
    try {
      result = await run();
    } finally {
      this.staged = null;
    }
    // Applied in order to the file as it is now (a local save made meanwhile is kept, as when each was written at once).
    if (staged.length > 0) await this.writeLabels(staged.reduce((file, op) => op(file), this.d.stores.labels.current));
    return result;
  }

  /** A change of `labels.json` from the team: staged while a batch is applied, else written now. */
  private async change(op: (file: LabelsFile) => LabelsFile): Promise<void> {
    if (this.staged) this.staged.push(op);
    else await this.writeLabels(op(this.d.stores.labels.current));
  }

  /** A label, rule or template that another member deleted. */
  async applyDeleted(docId: string): Promise<void> {
    const at = docId.indexOf(':');
    const kind = docId.slice(0, at), id = docId.slice(at + 1);
    if (kind === 'template') {
      if (this.removeTemplate && this.d.stores.templates?.get(id)) {
        await this.removeTemplate(id);
        this.d.bus.emit('templates.changed', {});
      }
      return;
    }
    if (kind === 'label') await this.change((f) => ({ ...f, labels: f.labels.filter((l) => l.id !== id), rules: f.rules.filter((r) => r.labelId !== id) }));
    if (kind === 'rule') await this.change((f) => ({ ...f, rules: f.rules.filter((r) => r.id !== id) }));
  }

  private async writeLabels(next: LabelsFile): Promise<void> {
    if (sameJson(next, this.d.stores.labels.current) || this.d.stores.labels.readOnly) return;
    await this.saveLabels(next);
    this.d.bus.emit('labels.changed', {});
  }

  private async pushLabelChanges(before: LabelsFile, after: LabelsFile): Promise<void> {
    for (const [kind, was, now] of [['label', before.labels, after.labels], ['rule', before.rules, after.rules]] as const) {
      for (const item of now) if (!sameJson(was.find((x) => x.id === item.id), item)) await this.pushEntity(kind, item.id, item);
      for (const item of was) if (!now.some((x) => x.id === item.id)) await this.d.remove(teamDocId[kind](item.id));
    }
    const ids = newRuleOrder(before, after);
    if (ids) await this.ruleOrder.push(ids);
  }

  private pushEntity(type: Kind, id: string, body: object): Promise<void> {
    return this.d.put(teamDocId[type](id), (prev) => {
      const old = prev?.type === type ? prev : null;
      if (old && sameJson(old.body, body)) return old;
      // A label keeps the same-named labels it absorbed (same-named-labels.ts) through later edits.
      return { type, body: { ...body }, at: this.d.now().toISOString(), by: this.d.member, history: old?.history ?? [], ...(old?.absorbed ? { absorbed: old.absorbed } : {}) };
    });
  }
}

/** The `label:` and `rule:` documents a change of `labels.json` edits (those it adds have no team version to lose against). */
function editedIds(before: LabelsFile, after: LabelsFile): string[] {
  const edited = <T extends { id: string }>(was: readonly T[], now: readonly T[]) => now.filter((x) => { const w = was.find((y) => y.id === x.id); return w && !sameJson(w, x); }).map((x) => x.id);
  return [...edited(before.labels, after.labels).map(teamDocId.label), ...edited(before.rules, after.rules).map(teamDocId.rule)];
}

/** The rule ids in their new order when a change of `labels.json` adds, removes or moves rules (null: the same order). */
function newRuleOrder(before: LabelsFile, after: LabelsFile): string[] | null {
  const ids = after.rules.map((r) => r.id);
  return sameJson(before.rules.map((r) => r.id), ids) ? null : ids;
}

/** The `label:` and `rule:` documents a change of `labels.json` removes. */
function removedIds(before: LabelsFile, after: LabelsFile): string[] {
  const gone = <T extends { id: string }>(was: readonly T[], now: readonly T[]) => was.filter((x) => !now.some((y) => y.id === x.id)).map((x) => x.id);
  return [...gone(before.labels, after.labels).map(teamDocId.label), ...gone(before.rules, after.rules).map(teamDocId.rule)];
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}
