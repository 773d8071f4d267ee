import { mergeEntityDocs } from '../../../shared/team/merge';
import { EntityDoc, type TeamDoc } from '../../../shared/team/team-docs';
import { sameJson } from './local-docs';
import type { PendingEntityEdits } from './pending-entity-edits';

/** What pushing the label, rule and template edits a crash kept from the replica works on. */
export interface RecoveredEntitiesDeps {
  member: string;
  /** The journaled edits of the last run: document id → moment (applying the replica leaves these alone until they are pushed). */
  recovered: Map<string, string>;
  edits: PendingEntityEdits;
  /** The label, rule or template of this document id in this folder's files (undefined: not here). */
  localBody: (docId: string) => object | undefined;
  put: (id: string, make: (prev: TeamDoc | null) => TeamDoc | null) => Promise<void>;
  /** Writes a document's version to the local files (a newer edit another member made meanwhile). */
  apply: (doc: EntityDoc) => Promise<void>;
}

/**
 * At start, once the replica's changes are applied: each label, rule or template edit a crash kept from the replica
 * is merged with the team's document by the merge rules (the later edit wins, the other goes to the history) and
 * written to the replica, and the merged version replaces the local one (so a newer edit another member made
 * meanwhile shows here too). Every desktop then has the same document. Then the journal entry is done.
 */
export async function pushRecoveredEntities(d: RecoveredEntitiesDeps): Promise<void> {
  for (const [docId, at] of [...d.recovered]) {
    const body = d.localBody(docId);
    const type = docId.slice(0, docId.indexOf(':'));
    let merged: EntityDoc | null = null;
    if (body && (type === 'label' || type === 'rule' || type === 'template')) {
      const mine: EntityDoc = { type, body: { ...body }, at, by: d.member, history: [] };
      await d.put(docId, (prev) => {
        const team = EntityDoc.safeParse(prev);
        merged = team.success && team.data.type === type ? mergeEntityDocs([team.data, mine]) : mine;
        return merged;
      });
    }
    d.recovered.delete(docId);
    d.edits.done([[docId, at]]);
    const doc = merged as EntityDoc | null;
    if (doc && !sameJson(doc.body, body)) await d.apply(doc);
  }
}
