import type { TeamDoc } from '../../../shared/team/team-docs';
import { bodyOf } from './conflict-resolver';
import { sameJson } from './local-docs';
import { statusOf, type TeamDb } from './pouch';

/** Writes one document on top of the replica's current revision (again on a 409 from a replication in between); `make` gives null to leave it. */
export async function putTeamDoc(db: TeamDb, _id: string, make: (prev: TeamDoc | null) => TeamDoc | null): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let stored = null;
    try { stored = await db.get(_id); } catch (err) { if (statusOf(err) !== 404) throw err; }
    const prev = stored ? bodyOf(stored) : null;
    const doc = make(prev);
    if (doc === null || (prev && sameJson(prev, doc))) return;
    try {
      await db.put({ ...doc, _id, ...(stored ? { _rev: stored._rev } : {}) });
      return;
    } catch (err) {
      if (statusOf(err) !== 409 || attempt >= 5) throw err;
    }
  }
}

/** Removes one document from the replica (gone already is fine). */
export async function removeTeamDoc(db: TeamDb, _id: string): Promise<void> {
  try {
    const stored = await db.get(_id);
    await db.remove(_id, stored._rev);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}

/** Removes many documents from the replica, in batches (gone already is fine; one written meanwhile is removed again). */
export async function removeTeamDocs(db: TeamDb, ids: readonly string[], batch = 2000): Promise<void> {
  for (let i = 0; i < ids.length; i += batch) {
    let keys = ids.slice(i, i + batch);
    for (let attempt = 0; keys.length > 0; attempt++) {
      const rows = (await db.allDocs({ keys })).rows;
      const live = rows.flatMap((row) => ('value' in row && !row.value.deleted ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : []));
      if (live.length === 0) break;
      const results = await db.bulkDocs(live as never[]);
      keys = results.flatMap((r) => ('error' in r && r.status === 409 && r.id ? [r.id] : []));
      if (attempt >= 5 && keys.length > 0) throw new Error(`The team replica kept changing ${keys.length} documents that were being removed.`);
    }
  }
}

/** Like putTeamDoc, but `make` may also give `'remove'`: the document goes (on top of the current revision). */
export async function putOrRemoveTeamDoc(db: TeamDb, _id: string, make: (prev: TeamDoc | null) => TeamDoc | 'remove' | null): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let stored = null;
    try { stored = await db.get(_id); } catch (err) { if (statusOf(err) !== 404) throw err; }
    const prev = stored ? bodyOf(stored) : null;
    const next = make(prev);
    if (next === null || (next === 'remove' && !stored) || (prev && next !== 'remove' && sameJson(prev, next))) return;
    try {
      if (next === 'remove') await db.remove(_id, stored?._rev ?? '');
      else await db.put({ ...next, _id, ...(stored ? { _rev: stored._rev } : {}) });
      return;
    } catch (err) {
      if (statusOf(err) !== 409 || attempt >= 5) throw err;
    }
  }
}
