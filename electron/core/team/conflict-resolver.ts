import type { Existing } from 'pouchdb';
import { mergeTeamDocs } from '../../../shared/team/merge';
import { TeamDoc } from '../../../shared/team/team-docs';
import type { TeamDb } from './pouch';

/** The document's own fields, without PouchDB's `_id`, `_rev`, `_conflicts`. */
export function bodyOf(doc: Existing<TeamDoc>): TeamDoc | null {
  const { _id: _i, _rev: _r, _conflicts: _c, _deleted: _d, ...body } = doc;
  const parsed = TeamDoc.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * Merges every conflicting version of one document into one (shared/team/merge.ts) and removes the losing
 * branches, in one bulk write on top of PouchDB's winning revision. Every desktop computes the same merge from
 * the same revision tree, and PouchDB's deterministic revisions give the writes the same revision ids, so
 * desktops that resolve the same conflict at once agree instead of making a new one. True when it merged.
 */
export async function resolveConflicts(db: TeamDb, id: string): Promise<boolean> {
  const winner = await db.get(id, { conflicts: true });
  const revs = [...(winner._conflicts ?? [])].sort();
  if (revs.length === 0) return false;
  const losers = await Promise.all(revs.map((rev) => db.get(id, { rev })));
  const versions = [winner, ...losers].map(bodyOf).filter((v): v is TeamDoc => v !== null && v.type === bodyOf(winner)?.type);
  if (versions.length === 0) return false;
  const merged = mergeTeamDocs(versions);
  await db.bulkDocs([{ ...merged, _id: id, _rev: winner._rev }, ...losers.map((l) => ({ _id: id, _rev: l._rev, _deleted: true as const }))]);
  return true;
}
