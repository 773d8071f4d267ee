import type { Review } from '../../../shared/domain/review';
import { ReviewDoc, teamDocId, type TeamDoc } from '../../../shared/team/team-docs';
import { bodyOf } from './conflict-resolver';
import { reviewDocFrom, sameJson } from './local-docs';
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

/**
 * Writes the reviews' documents (merged with what the replica has: label marks, dated notes; one identical to
 * the stored one is left as it is) in one bulk write. Returns the reviews a replication wrote in between (a 409),
 * to be written again on top of the newer revision.
 */
export async function writeReviewDocs(db: TeamDb, reviews: readonly Review[], member: string, at: string): Promise<Review[]> {
  const rows = (await db.allDocs({ keys: reviews.map((r) => teamDocId.review(r.id)), include_docs: true })).rows;
  const docs = reviews.flatMap((r, i) => {
    const stored = rows[i]?.doc ?? null;
    const prev = stored ? ReviewDoc.safeParse(bodyOf(stored)) : null;
    const doc = reviewDocFrom(r, prev?.success ? prev.data : null, at, member);
    if (prev?.success && sameJson(prev.data, doc)) return [];
    return [{ ...doc, _id: teamDocId.review(r.id), ...(stored ? { _rev: stored._rev } : {}) }];
  });
  const results = docs.length > 0 ? await db.bulkDocs(docs) : [];
  const failed = new Set(results.flatMap((x) => ('error' in x && x.id ? [x.id] : [])));
  return failed.size === 0 ? [] : reviews.filter((r) => failed.has(teamDocId.review(r.id)));
}
