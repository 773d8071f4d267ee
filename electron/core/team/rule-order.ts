import type { LabelsFile } from '../../../shared/labels/label-schema';
import { orderRules } from '../../../shared/team/merge';
import { teamDocId, type TeamDoc } from '../../../shared/team/team-docs';
import type { LabelStore } from '../labels/label-store';
import { bodyOf } from './conflict-resolver';
import { sameJson } from './local-docs';
import { statusOf, type TeamDb } from './pouch';

export interface RuleOrderDeps {
  db: TeamDb;
  labels: LabelStore;
  /** Writes `labels.json` without sending it back to the team (a change that came from the team). */
  writeLocal: (next: LabelsFile) => Promise<void>;
  put: (id: string, make: (prev: TeamDoc | null) => TeamDoc | null) => Promise<void>;
  member: string;
  now: () => Date;
}

const ORDER_ID = teamDocId.ruleOrder();

/**
 * The order the auto-label rules run in is part of the team workspace: one `order:rules` document with the rule
 * ids. A desktop that adds, removes or moves rules writes it; when it (or a rule) arrives, the local rules are put
 * in that order. Two reorders made apart merge deterministically (the later wins, see mergeRuleOrderDocs).
 */
export class RuleOrder {
  constructor(private readonly d: RuleOrderDeps) {}

  /** The local rules in this order: written unless the team's order already says the same of these rules. */
  push(ids: readonly string[]): Promise<void> {
    return this.d.put(ORDER_ID, (prev) => {
      const here = new Set(ids);
      if (prev?.type === 'ruleOrder' && sameJson(prev.ids.filter((id) => here.has(id)), ids)) return null;
      return { type: 'ruleOrder', ids: [...ids], at: this.d.now().toISOString(), by: this.d.member };
    });
  }

  /** After a batch of the replica's changes was applied here (`ids`: the documents it changed). */
  async afterApply(ids: readonly string[]): Promise<void> {
    if (this.d.labels.readOnly || !ids.some((id) => id === ORDER_ID || id.startsWith('rule:'))) return;
    let body: TeamDoc | null;
    try {
      body = bodyOf(await this.d.db.get(ORDER_ID));
    } catch (err) {
      if (statusOf(err) === 404) return;
      throw err;
    }
    if (body?.type !== 'ruleOrder') return;
    const current = this.d.labels.current;
    const rules = orderRules(current.rules, body.ids);
    if (!rules.every((r, i) => r === current.rules[i])) await this.d.writeLocal({ ...current, rules });
  }
}
