import type { LabelsFile } from '../../../shared/labels/label-schema';
import { mergeRuleOrderDocs, orderRules } from '../../../shared/team/merge';
import { RuleOrderDoc, teamDocId, type TeamDoc } from '../../../shared/team/team-docs';
import type { LabelStore } from '../labels/label-store';
import { bodyOf } from './conflict-resolver';
import { sameJson } from './local-docs';
import type { PendingEntityEdits, RuleOrderEdit } from './pending-entity-edits';
import { statusOf, type TeamDb } from './pouch';

export interface RuleOrderDeps {
  db: TeamDb;
  labels: LabelStore;
  /** Writes `labels.json` without sending it back to the team (a change that came from the team). */
  writeLocal: (next: LabelsFile) => Promise<void>;
  put: (id: string, make: (prev: TeamDoc | null) => TeamDoc | null) => Promise<void>;
  member: string;
  now: () => Date;
  /** Where a new order of the rules is recorded before `labels.json` changes (pending-entity-edits.ts). */
  journal: PendingEntityEdits;
}

const ORDER_ID = teamDocId.ruleOrder();

/**
 * The order the auto-label rules run in is part of the team workspace: one `order:rules` document with the rule
 * ids. A desktop that adds, removes or moves rules writes it; when it (or a rule) arrives, the local rules are put
 * in that order. Two reorders made apart merge deterministically (the later wins, see mergeRuleOrderDocs).
 *
 * A new order is journaled before the local file changes (`journal`); one a crash kept from the replica stays
 * here at the next start (applying the replica does not put the rules back in the team's older order) until
 * `pushRecovered` merged it, dated with the moment of the edit, with the team's order.
 */
export class RuleOrder {
  /** The order of the last run a crash kept from the replica (null: none), until pushRecovered. */
  private recovered: RuleOrderEdit | null;

  constructor(private readonly d: RuleOrderDeps) {
    this.recovered = d.journal.ruleOrder();
  }

  /** The local rules in this order: written unless the team's order already says the same of these rules. */
  push(ids: readonly string[]): Promise<void> {
    return this.d.put(ORDER_ID, (prev) => {
      const here = new Set(ids);
      if (prev?.type === 'ruleOrder' && sameJson(prev.ids.filter((id) => here.has(id)), ids)) return null;
      return { type: 'ruleOrder', ids: [...ids], at: this.d.now().toISOString(), by: this.d.member };
    });
  }

  /**
   * After a batch of the replica's changes was applied here (`ids`: the documents it changed). While a reorder made
   * here is journaled (not yet in the replica, or one a crash kept from it) the local order stays: its push follows.
   */
  async afterApply(ids: readonly string[]): Promise<void> {
    if (this.d.journal.ruleOrder() || !ids.some((id) => id === ORDER_ID || id.startsWith('rule:'))) return;
    await this.followTeam();
  }

  /**
   * At start, once the replica's changes are applied: the order a crash kept from the replica, merged with the
   * team's order (the later wins: a reorder another member made after this edit stays) and written to the
   * replica; then the local rules follow the merged order. Then the journal entry is done.
   */
  async pushRecovered(): Promise<void> {
    const edit = this.recovered;
    if (!edit) return;
    // A reorder made here since this start is newer: its own push follows (or went already), the local order stays.
    const newerHere = this.d.journal.ruleOrder()?.at !== edit.at;
    if (!newerHere) {
      const here = new Set(this.d.labels.current.rules.map((r) => r.id));
      const mine: RuleOrderDoc = { type: 'ruleOrder', ids: edit.ids.filter((id) => here.has(id)), at: edit.at, by: this.d.member };
      if (mine.ids.length > 0) {
        await this.d.put(ORDER_ID, (prev) => {
          const team = RuleOrderDoc.safeParse(prev);
          return team.success ? mergeRuleOrderDocs([team.data, mine]) : mine;
        });
      }
      this.d.journal.ruleOrderDone(edit.at);
    }
    this.recovered = null;
    if (!newerHere) await this.followTeam();
  }

  /** Puts the local rules in the replica's order (none there: left as they are). */
  private async followTeam(): Promise<void> {
    if (this.d.labels.readOnly) return;
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
