import { z } from 'zod';
import { Draft } from '../domain/draft';
import { OutboxItem } from '../domain/outbox';
import { Location } from '../domain/location';
import { IsoTime, Review } from '../domain/review';
import { Source } from '../domain/source';

/**
 * The documents of a team workspace (one CouchDB database per workspace). Ids are deterministic, so two
 * desktops that write the same thing (the same Google review, a draft for the same review) collide and
 * are merged instead of duplicated.
 */
export const teamDocId = {
  review: (reviewId: string) => `review:${reviewId}`,
  draft: (reviewId: string) => `draft:${reviewId}`,
  outbox: (itemId: string) => `outbox:${itemId}`,
  /** Written to the server before a reply is published: the first writer publishes, a 409 means someone else does. */
  claim: (itemId: string) => `claim:${itemId}`,
  /** Who runs the scheduled Google/Play sync until when. */
  lease: (what: string) => `lease:${what}`,
  presence: (member: string) => `presence:${member}`,
  label: (id: string) => `label:${id}`,
  rule: (id: string) => `rule:${id}`,
  template: (id: string) => `template:${id}`,
  /** The order the auto-label rules run in (one document for the workspace). */
  ruleOrder: () => 'order:rules',
  /** The sources and locations of the workspace (one document). */
  places: () => 'places:workspace',
} as const;

/** A label switched on or off by a member at a moment; per label the latest mark wins, so a removal is never undone by a merge. */
export const LabelMark = z.object({ on: z.boolean(), at: IsoTime, by: z.string() });
export type LabelMark = z.infer<typeof LabelMark>;

/** An earlier version kept when a later edit won (notes, templates, labels, rules). */
export const Superseded = z.object({ text: z.string(), at: IsoTime, by: z.string() });
export type Superseded = z.infer<typeof Superseded>;

export const ReviewDoc = z.object({
  type: z.literal('review'),
  review: Review,
  labelMarks: z.record(z.string(), LabelMark),
  noteAt: IsoTime.nullable(),
  noteBy: z.string().nullable(),
  noteHistory: z.array(Superseded),
});
export type ReviewDoc = z.infer<typeof ReviewDoc>;

/** Another member's draft of the same review, kept when two people drafted at once. */
export const OtherDraft = z.object({ by: z.string(), text: z.string(), updatedAt: IsoTime });
export type OtherDraft = z.infer<typeof OtherDraft>;

/**
 * A review's draft for the team: the latest member's version first, every other member's latest different text beside
 * it (`others`). `discarded`: when each member last discarded her draft (or queued it as a reply); a version of hers
 * from before then is not brought back by a merge with an older copy.
 */
export const DraftDoc = z.object({
  type: z.literal('draft'),
  draft: Draft,
  by: z.string(),
  others: z.array(OtherDraft),
  discarded: z.record(z.string(), IsoTime).optional(),
});
export type DraftDoc = z.infer<typeof DraftDoc>;

export const OutboxDoc = z.object({ type: z.literal('outbox'), item: OutboxItem, by: z.string() });
export type OutboxDoc = z.infer<typeof OutboxDoc>;

/** A label, rule or template: the later edit wins, the other is kept in `history`. */
export const EntityDoc = z.object({
  type: z.enum(['label', 'rule', 'template']),
  body: z.record(z.string(), z.unknown()),
  at: IsoTime,
  by: z.string(),
  history: z.array(Superseded),
  /** A label only: the ids of same-named labels merged into this one (a review still carrying one of them is moved here). */
  absorbed: z.array(z.string()).optional(),
});
export type EntityDoc = z.infer<typeof EntityDoc>;

/** `desktop`: the claiming desktop's replica id (absent in claims of older versions: then the member counts). `at`: server time. */
export const ClaimDoc = z.object({ type: z.literal('claim'), itemId: z.string(), reviewId: z.string(), by: z.string(), desktop: z.string().optional(), at: IsoTime });
export type ClaimDoc = z.infer<typeof ClaimDoc>;

/** `desktop` as in ClaimDoc; `until` in the server's time. */
export const LeaseDoc = z.object({ type: z.literal('lease'), holder: z.string(), desktop: z.string().optional(), until: IsoTime });
export type LeaseDoc = z.infer<typeof LeaseDoc>;

export const PresenceDoc = z.object({ type: z.literal('presence'), member: z.string(), reviewId: z.string().nullable(), until: IsoTime });
export type PresenceDoc = z.infer<typeof PresenceDoc>;

/**
 * A source (`locationId` null: all its locations) or a location a member removed for the whole team. Kept in the
 * places document so no desktop brings it back by merging its older list; dropped when a member adds it again.
 */
export const PlaceRemoval = z.object({ source: z.string(), locationId: z.string().nullable(), at: IsoTime, by: z.string() });
export type PlaceRemoval = z.infer<typeof PlaceRemoval>;

/** The workspace's sources and locations; merged per id (the later document's version of an id wins); removals win (shared/team/places.ts). */
export const PlacesDoc = z.object({
  type: z.literal('places'),
  sources: z.array(Source),
  locations: z.array(Location),
  at: IsoTime,
  /** Absent in documents of Kalm versions before shared removals: none. */
  removed: z.array(PlaceRemoval).optional(),
});
export type PlacesDoc = z.infer<typeof PlacesDoc>;

/** The order the auto-label rules run in: rule ids, first first; the later reorder wins a conflict (shared/team/merge.ts). */
export const RuleOrderDoc = z.object({ type: z.literal('ruleOrder'), ids: z.array(z.string()), at: IsoTime, by: z.string() });
export type RuleOrderDoc = z.infer<typeof RuleOrderDoc>;

export const TeamDoc = z.discriminatedUnion('type', [PlacesDoc, ReviewDoc, DraftDoc, OutboxDoc, EntityDoc, RuleOrderDoc, ClaimDoc, LeaseDoc, PresenceDoc]);
export type TeamDoc = z.infer<typeof TeamDoc>;
