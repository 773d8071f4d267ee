import { KalmError } from '../../../../shared/domain/errors';
import type { Reply, Review } from '../../../../shared/domain/review';
import { reviewNameOf } from '../../../../shared/google/names';
import { toIso } from '../../../../shared/google/time';
import { replyLimitFor } from '../../../../shared/reply/limits';
import { capabilitiesOf } from '../../../../shared/sources/capabilities';
import type { GoogleService } from './service';
import type { ReviewSource } from '../source';

/** Google Business Profile as a `ReviewSource`: a thin face over the Google service. */
export function googleBusinessSource(google: GoogleService, locations: () => ReturnType<ReviewSource['listLocations']>): ReviewSource {
  const target = (review: Review) => {
    const ctx = google.publishContext();
    const parent = ctx.v4ParentOf(review.locationId);
    if (!parent) throw new KalmError('not_found', 'This review is not at a Google location Kalm knows. Refresh the locations in Sources.');
    return { api: ctx.api, name: reviewNameOf(parent, review.externalId) };
  };
  return {
    kind: 'google-business',
    capabilities: capabilitiesOf('google-business'),
    replyLimit: (sourceId) => replyLimitFor({ id: sourceId, kind: 'google-business' }),
    async listLocations() {
      await google.discover();
      return locations();
    },
    fetchReviews: ({ full }) => google.sync({ full }),
    async publishReply(review, text): Promise<Reply> {
      const { api, name } = target(review);
      const put = await api.putReply(name, text);
      return { text, updatedAt: toIso(put.updateTime ?? new Date().toISOString()), state: 'published' };
    },
    async deleteReply(review) {
      const { api, name } = target(review);
      await api.deleteReply(name);
    },
  };
}
