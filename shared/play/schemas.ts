import { z } from 'zod';

/** Google Play Developer API v3 review payloads (lenient: unknown fields are ignored). */
export const PlayTimestamp = z.object({ seconds: z.union([z.string(), z.number()]), nanos: z.number().int().optional() });
export type PlayTimestamp = z.infer<typeof PlayTimestamp>;

export const PlayUserComment = z.object({
  text: z.string().optional(),
  originalText: z.string().optional(),
  lastModified: PlayTimestamp,
  starRating: z.number().int().min(0).max(5).optional(),
  reviewerLanguage: z.string().optional(),
  device: z.string().optional(),
  androidOsVersion: z.number().int().optional(),
  appVersionCode: z.number().int().optional(),
  appVersionName: z.string().optional(),
  thumbsUpCount: z.number().int().optional(),
  thumbsDownCount: z.number().int().optional(),
  deviceMetadata: z.object({ productName: z.string().optional(), manufacturer: z.string().optional() }).optional(),
});

export const PlayDeveloperComment = z.object({ text: z.string(), lastModified: PlayTimestamp });

export const PlayReview = z.object({
  reviewId: z.string().min(1),
  authorName: z.string().optional(),
  comments: z.array(z.object({ userComment: PlayUserComment.optional(), developerComment: PlayDeveloperComment.optional() })).default([]),
});
export type PlayReview = z.infer<typeof PlayReview>;

export const PlayReviewsList = z.object({
  reviews: z.array(PlayReview).default([]),
  tokenPagination: z.object({ nextPageToken: z.string().optional(), previousPageToken: z.string().optional() }).optional(),
  pageInfo: z.object({ totalResults: z.number().int().optional(), resultPerPage: z.number().int().optional(), startIndex: z.number().int().optional() }).optional(),
});
export type PlayReviewsList = z.infer<typeof PlayReviewsList>;

export const PlayReplyResult = z.object({ result: z.object({ replyText: z.string(), lastEdited: PlayTimestamp }) });
