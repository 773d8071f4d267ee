import { labelNameKey } from '../labels/label-schema';
import { draftDocOf, mergeDiscarded, versionsOf } from './draft-versions';
import { unionRemovals, withoutRemovedPlaces } from './places';
import type { PlacesDoc, DraftDoc, EntityDoc, LabelMark, OutboxDoc, ReviewDoc, RuleOrderDoc, Superseded, TeamDoc } from './team-docs';

/**
 * Deterministic merges of the versions of one team document that two or more desktops wrote while apart.
 * Every function gives the same result whatever order the versions come in, so every desktop that resolves
 * the same conflict writes the same document (and PouchDB's deterministic revisions make them one revision).
 */

const stable = (v: unknown): string => JSON.stringify(v);
const head = <T>(xs: readonly T[]): T => {
  const x = xs[0];
  if (x === undefined) throw new Error('There are no versions to merge.');
  return x;
};
/** Later first; ties broken by the whole content so the order never depends on who asks. */
const byLatest = <T>(at: (v: T) => string) => (a: T, b: T): number => at(b).localeCompare(at(a)) || stable(b).localeCompare(stable(a));

function mergeMarks(all: readonly Record<string, LabelMark>[]): Record<string, LabelMark> {
  const out: Record<string, LabelMark> = {};
  for (const marks of all) {
    for (const [label, mark] of Object.entries(marks)) {
      const had = out[label];
      // The latest mark wins; at the same moment a removal wins (a recorded removal is never undone), then by member.
      if (!had || mark.at > had.at || (mark.at === had.at && (had.on && !mark.on || (had.on === mark.on && mark.by > had.by)))) out[label] = mark;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const uniqueHistory = (items: readonly Superseded[]): Superseded[] => {
  const seen = new Map<string, Superseded>();
  for (const h of items) seen.set(stable([h.at, h.by, h.text]), h);
  return [...seen.values()].sort((a, b) => a.at.localeCompare(b.at) || a.by.localeCompare(b.by) || a.text.localeCompare(b.text));
};

/** Reviews: the newer Google `updateTime` (updatedAt) wins; labels are the union of marks (latest per label); the later note wins, the other kept in history. */
export function mergeReviewDocs(versions: readonly ReviewDoc[]): ReviewDoc {
  const sorted = [...versions].sort(byLatest((d) => d.review.updatedAt));
  const base = head(sorted);
  const labelMarks = mergeMarks(sorted.map((d) => d.labelMarks));
  const labels = Object.entries(labelMarks).filter(([, m]) => m.on).map(([l]) => l);
  const notes = [...sorted].sort(byLatest((d) => d.noteAt ?? ''));
  const noteWinner = head(notes);
  const lost: Superseded[] = notes.slice(1)
    .filter((d) => d.review.note !== null && d.noteAt !== null && d.review.note !== noteWinner.review.note)
    .map((d) => ({ text: d.review.note ?? '', at: d.noteAt ?? '', by: d.noteBy ?? '' }));
  return {
    type: 'review',
    review: { ...base.review, labels, note: noteWinner.review.note, assignee: noteWinner.review.assignee },
    labelMarks,
    noteAt: noteWinner.noteAt,
    noteBy: noteWinner.noteBy,
    noteHistory: uniqueHistory([...sorted.flatMap((d) => d.noteHistory), ...lost]),
  };
}

/**
 * Two people drafted a reply to the same review: every member's latest text is kept (draft-versions.ts), the
 * latest first; a version from before its member discarded it (or queued it as a reply) is not brought back.
 */
export function mergeDraftDocs(versions: readonly DraftDoc[]): DraftDoc {
  const discarded = mergeDiscarded(versions.map((d) => d.discarded));
  const merged = draftDocOf(versions.flatMap(versionsOf), discarded);
  // Every version was discarded since: the latest stays rather than nothing (a discard on its own removes the document).
  return merged ?? head([...versions].sort(byLatest((d) => d.draft.updatedAt)));
}

/** How far an outbox item got; a sent item never goes back to queued because another desktop still had it queued. */
const PROGRESS = { queued: 0, failed: 1, conflict: 2, sending: 3, sent: 4 } as const;

export function mergeOutboxDocs(versions: readonly OutboxDoc[]): OutboxDoc {
  return head([...versions].sort((a, b) => PROGRESS[b.item.state] - PROGRESS[a.item.state] || byLatest<OutboxDoc>((d) => d.item.updatedAt)(a, b)));
}

/** Labels, rules and templates: the later edit wins; the other version is kept in the item's history. */
export function mergeEntityDocs(versions: readonly EntityDoc[]): EntityDoc {
  const sorted = [...versions].sort(byLatest((d) => d.at));
  const win = head(sorted);
  const lost = sorted.slice(1).filter((d) => stable(d.body) !== stable(win.body)).map((d) => ({ text: stable(d.body), at: d.at, by: d.by }));
  const absorbed = [...new Set(sorted.flatMap((d) => d.absorbed ?? []))].sort();
  const { absorbed: _a, ...rest } = win;
  return { ...rest, history: uniqueHistory([...sorted.flatMap((d) => d.history), ...lost]), ...(absorbed.length > 0 ? { absorbed } : {}) };
}

/**
 * Labels with the same name (ignoring case, accents and outer spaces) that desktops created apart: each one maps
 * to the label of that name with the smallest id, so every desktop keeps the same one.
 */
export function sameNamedLabels(labels: readonly { id: string; name: string }[]): Map<string, string> {
  const keep = new Map<string, string>();
  for (const l of labels) {
    const key = labelNameKey(l.name);
    const had = keep.get(key);
    if (had === undefined || l.id < had) keep.set(key, l.id);
  }
  const into = new Map<string, string>();
  for (const l of labels) {
    const winner = keep.get(labelNameKey(l.name));
    if (winner !== undefined && winner !== l.id) into.set(l.id, winner);
  }
  return into;
}

/**
 * Two desktops reordered the rules while apart: the later reorder wins; a rule only another version lists
 * (added there meanwhile) follows, in that version's order (later versions first).
 */
export function mergeRuleOrderDocs(versions: readonly RuleOrderDoc[]): RuleOrderDoc {
  const sorted = [...versions].sort(byLatest((d) => d.at));
  const win = head(sorted);
  const ids = [...new Set(sorted.flatMap((d) => d.ids))];
  return { ...win, ids };
}

/** The rules in the team's order; rules the order does not list yet keep their order after those it does. */
export function orderRules<T extends { id: string }>(rules: readonly T[], order: readonly string[]): T[] {
  const at = new Map(order.map((id, i) => [id, i]));
  const rank = (r: T, i: number) => at.get(r.id) ?? order.length + i;
  return rules.map((r, i) => ({ r, k: rank(r, i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
}

/**
 * Sources and locations: the union by id; for an id both have, the later document's version. Removals are the
 * union too (shared/team/places.ts), and a removed place stays out whichever version still listed it.
 */
export function mergePlacesDocs(versions: readonly PlacesDoc[]): PlacesDoc {
  const sorted = [...versions].sort(byLatest((d) => d.at)).reverse();
  const sources = new Map<string, PlacesDoc['sources'][number]>();
  const locations = new Map<string, PlacesDoc['locations'][number]>();
  for (const d of sorted) {
    for (const s of d.sources) sources.set(s.id, s);
    for (const l of d.locations) locations.set(`${l.source}\u0000${l.id}`, l);
  }
  const key = (a: string, b: string) => a.localeCompare(b);
  const removed = unionRemovals(versions.map((v) => v.removed ?? []));
  return withoutRemovedPlaces({
    type: 'places',
    sources: [...sources.values()].sort((a, b) => key(a.id, b.id)),
    locations: [...locations.values()].sort((a, b) => key(a.source, b.source) || key(a.id, b.id)),
    at: head([...sorted].reverse()).at,
    ...(removed.length > 0 ? { removed } : {}),
  });
}

/** Merges the versions of one document (all of the same type); claims, leases and presence keep PouchDB's winner. */
export function mergeTeamDocs(versions: readonly TeamDoc[]): TeamDoc {
  const first = versions[0];
  if (!first) throw new Error('mergeTeamDocs needs at least one version');
  const same = <T extends TeamDoc>(type: T['type']): T[] => versions.filter((v): v is T => v.type === type);
  switch (first.type) {
    case 'places': return mergePlacesDocs(same<PlacesDoc>('places'));
    case 'review': return mergeReviewDocs(same<ReviewDoc>('review'));
    case 'draft': return mergeDraftDocs(same<DraftDoc>('draft'));
    case 'outbox': return mergeOutboxDocs(same<OutboxDoc>('outbox'));
    case 'label': case 'rule': case 'template': return mergeEntityDocs(versions.filter((v): v is EntityDoc => v.type === first.type));
    case 'ruleOrder': return mergeRuleOrderDocs(same<RuleOrderDoc>('ruleOrder'));
    default: return first;
  }
}

/** The label marks a local edit adds: labels that appeared are switched on, labels that went are switched off (recorded removals). */
export function markLabelChanges(before: readonly string[], after: readonly string[], marks: Record<string, LabelMark>, at: string, by: string): Record<string, LabelMark> {
  const next = { ...marks };
  for (const l of after) if (!before.includes(l) || !next[l]?.on) next[l] = next[l]?.on ? next[l] : { on: true, at, by };
  for (const l of before) if (!after.includes(l)) next[l] = { on: false, at, by };
  return next;
}
