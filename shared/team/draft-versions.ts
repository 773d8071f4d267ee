import type { Draft } from '../domain/draft';
import type { DraftDoc, OtherDraft } from './team-docs';

/**
 * The members' versions of one review's draft in a team workspace. Several people may draft the same review,
 * online or apart: every member's latest text is kept until she discards it, sends it, or someone settles the
 * versions for the team. A member editing her own draft on two desktops is one version (the later save wins);
 * the same text by two members is one version.
 */

/** One member's version of a review's draft. */
export interface DraftVersion {
  by: string;
  draft: Draft;
}

type Discarded = Record<string, string>;

const stable = (v: unknown): string => JSON.stringify(v);
/** Later first; ties broken by the whole content, so the order never depends on who asks. */
const latestFirst = (a: DraftVersion, b: DraftVersion): number =>
  b.draft.updatedAt.localeCompare(a.draft.updatedAt) || stable(b).localeCompare(stable(a));

/** Every version a document holds: the first one and the ones beside it. */
export function versionsOf(doc: DraftDoc): DraftVersion[] {
  return [
    { by: doc.by, draft: doc.draft },
    ...doc.others.map((o) => ({ by: o.by, draft: { ...doc.draft, text: o.text, updatedAt: o.updatedAt } })),
  ];
}

/** Per member the latest moment she discarded her draft. */
export function mergeDiscarded(all: readonly (Discarded | undefined)[]): Discarded {
  const out: Discarded = {};
  for (const d of all) for (const [by, at] of Object.entries(d ?? {})) if (!out[by] || at > out[by]) out[by] = at;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The document of these versions: the latest first, beside it each other member's latest text unless it is the
 * same text. A version from before its member discarded her draft is left out. Null when no version is left.
 */
export function draftDocOf(versions: readonly DraftVersion[], discarded: Discarded): DraftDoc | null {
  const live = versions.filter((v) => !(discarded[v.by] !== undefined && v.draft.updatedAt <= (discarded[v.by] ?? ''))).sort(latestFirst);
  const main = live[0];
  if (!main) return null;
  const seen = new Set<string>([main.by]);
  const others: OtherDraft[] = [];
  for (const v of live) {
    if (seen.has(v.by)) continue;
    seen.add(v.by);
    if (v.draft.text !== main.draft.text) others.push({ by: v.by, text: v.draft.text, updatedAt: v.draft.updatedAt });
  }
  others.sort((a, b) => a.by.localeCompare(b.by));
  const kept = mergeDiscarded([discarded]);
  return { type: 'draft', draft: main.draft, by: main.by, others, ...(Object.keys(kept).length > 0 ? { discarded: kept } : {}) };
}

const without = (d: Discarded | undefined, by: string): Discarded => Object.fromEntries(Object.entries(d ?? {}).filter(([k]) => k !== by));

/**
 * A member saved her draft: her version replaces her earlier one; every other member's text stays beside it (so a
 * save never drops what someone else wrote). Saving the text the team already has first adds no version of hers.
 */
export function draftDocFrom(draft: Draft, prev: DraftDoc | null, by: string): DraftDoc {
  const theirs = prev ? versionsOf(prev).filter((v) => v.by !== by) : [];
  const unchanged = prev !== null && prev.by !== by && prev.draft.text === draft.text;
  const versions = unchanged ? theirs : [{ by, draft }, ...theirs];
  return draftDocOf(versions, without(prev?.discarded, by)) ?? { type: 'draft', draft, by, others: [] };
}

/**
 * A member discarded her draft (or queued it as a reply, `sentText`): her version goes, and so does any version
 * with the text she sent; the other members' versions stay. Null when no version is left (the document goes).
 */
export function draftDocWithout(prev: DraftDoc, by: string, at: string, sentText: string | null): DraftDoc | null {
  const versions = versionsOf(prev).filter((v) => v.by !== by && v.draft.text !== sentText);
  return draftDocOf(versions, mergeDiscarded([prev.discarded, { [by]: at }]));
}

/** The member settled the versions (kept hers, took another or merged them): hers alone, dated now. */
export function settledDraftDoc(mine: Draft, prev: DraftDoc, by: string, at: string): DraftDoc {
  const draft = { ...mine, updatedAt: at > mine.updatedAt ? at : mine.updatedAt };
  const discarded = prev.discarded ? mergeDiscarded([prev.discarded]) : {};
  return { type: 'draft', draft, by, others: [], ...(Object.keys(discarded).length > 0 ? { discarded } : {}) };
}

/** The member's own version, or null when the document holds none of hers. */
export function ownVersionOf(doc: DraftDoc, me: string): Draft | null {
  return versionsOf(doc).find((v) => v.by === me)?.draft ?? null;
}

/** The text this member keeps on her desktop: her own version, or else the team's first one (a draft she takes over). */
export function ownDraftOf(doc: DraftDoc, me: string): Draft {
  return ownVersionOf(doc, me) ?? doc.draft;
}

/** The other members' versions of a review's draft as this member sees them (a merged-in first version included). */
export function othersFor(doc: DraftDoc, me: string): OtherDraft[] {
  const main = doc.by !== me ? [{ by: doc.by, text: doc.draft.text, updatedAt: doc.draft.updatedAt }] : [];
  return [...main, ...doc.others.filter((o) => o.by !== me)].sort((a, b) => a.by.localeCompare(b.by));
}
