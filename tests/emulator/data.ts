/** `emulator.data`: change what Google holds between syncs, as if customers and other apps acted. Returns copies. */
import type { EmulatorStore } from './store';
import type { Account, Location, Review, ReviewReply, Reviewer, StarRating } from './types';

export type NewReview = Partial<Omit<Review, 'name' | 'comment'>> & {
  /** null = a rating-only review (no `comment` on the wire). */
  comment?: string | null;
};

export interface ReviewPatch {
  comment?: string | null;
  starRating?: StarRating;
  reviewer?: Reviewer;
}

export type EmulatorLocation = Location & {
  /** Owning account, `accounts/{a}`. */
  account: string;
  /** `accounts/{a}/locations/{l}`: what the v4 calls and these helpers take. */
  v4Name: string;
};

export interface EmulatorData {
  /** Adds a review (now, FIVE stars, a named reviewer and a comment unless `partial` says otherwise). */
  addReview(locationName: string, partial?: NewReview): Review;
  /** Changes a review and bumps its updateTime (its reply, if any, becomes stale). */
  editReview(reviewName: string, patch: ReviewPatch): Review;
  /** Removes a review: gone from lists, 404 on get. False when it did not exist. */
  deleteReview(reviewName: string): boolean;
  /** Sets (or, with null, removes) the reply as if answered elsewhere. */
  setReply(reviewName: string, comment: string | null): ReviewReply | null;
  /** A location's reviews, newest update first. */
  reviews(locationName: string): Review[];
  replyOf(reviewName: string): ReviewReply | undefined;
  locations(accountName?: string): EmulatorLocation[];
  accounts(): Account[];
  /** Adds a location to an account (for tests of new locations appearing). */
  addLocation(accountName: string, location: Location): EmulatorLocation;
}

export function makeData(store: EmulatorStore): EmulatorData {
  let added = 0;
  const mustReview = (name: string): Review => {
    const r = store.review(name);
    if (!r) throw new Error(`No review ${name} in the emulator`);
    return r;
  };
  const mustLocation = (name: string) => {
    const l = store.location(name);
    if (!l) throw new Error(`No location ${name} in the emulator (want accounts/{a}/locations/{l})`);
    return l;
  };

  return {
    addReview(locationName, partial = {}) {
      const entry = mustLocation(locationName);
      let reviewId = partial.reviewId;
      while (!reviewId || entry.reviews.has(reviewId)) {
        added += 1;
        reviewId = `AbFvOqkEMUadded${String(added).padStart(5, '0')}`;
      }
      const now = store.clock.now();
      const { comment, ...rest } = partial;
      const review: Review = {
        name: `${locationName}/reviews/${reviewId}`,
        reviewId,
        reviewer: rest.reviewer ?? {
          profilePhotoUrl: `https://lh3.googleusercontent.com/a-/ALV-UjEMU-added-${added}=s120-c-rp-mo-br100`,
          displayName: `Nieuwe Klant ${added}`,
          isAnonymous: false,
        },
        starRating: rest.starRating ?? 'FIVE',
        ...(comment === null ? {} : { comment: comment ?? 'Lekker brood en vriendelijke mensen.' }),
        createTime: rest.createTime ?? now,
        updateTime: rest.updateTime ?? rest.createTime ?? now,
        ...(rest.reviewReply ? { reviewReply: rest.reviewReply } : {}),
      };
      store.clock.observe(review.updateTime);
      entry.reviews.set(reviewId, review);
      store.touch();
      return structuredClone(review);
    },
    editReview(reviewName, patch) {
      const review = mustReview(reviewName);
      if (patch.comment === null) delete review.comment;
      else if (patch.comment !== undefined) review.comment = patch.comment;
      if (patch.starRating) review.starRating = patch.starRating;
      if (patch.reviewer) review.reviewer = patch.reviewer;
      review.updateTime = store.clock.now();
      store.touch();
      return structuredClone(review);
    },
    deleteReview: (reviewName) => store.deleteReview(reviewName),
    setReply(reviewName, comment) {
      mustReview(reviewName);
      const reply = store.setReply(reviewName, comment);
      return reply ? structuredClone(reply) : null;
    },
    reviews: (locationName) => structuredClone(store.sorted([mustLocation(locationName).fullName], 'updateTime desc')),
    replyOf(reviewName) {
      const reply = store.review(reviewName)?.reviewReply;
      return reply ? structuredClone(reply) : undefined;
    },
    locations: (accountName) =>
      store.locationsOf(accountName).map((e) => ({ ...structuredClone(e.location), account: e.account, v4Name: e.fullName })),
    accounts: () => structuredClone(store.accounts()),
    addLocation(accountName, location) {
      if (!store.account(accountName)) throw new Error(`No account ${accountName} in the emulator`);
      const fullName = `${accountName}/${location.name}`;
      if (store.location(fullName)) throw new Error(`Location ${fullName} exists already`);
      store.addLocation({ account: accountName, fullName, location: structuredClone(location), reviews: new Map() });
      return { ...structuredClone(location), account: accountName, v4Name: fullName };
    },
  };
}
