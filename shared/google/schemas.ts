import { z } from 'zod';

/**
 * Google's JSON at the boundary (Business Profile v4 reviews, v1 accounts and locations, the error envelope).
 * Lenient on purpose: unknown fields pass (Google adds fields, e.g. reviewMediaItems), optional ones may be
 * absent (proto3 JSON leaves unset fields out). Only what Kalm reads is checked.
 */

/** RFC 3339 time, as Google writes it (UTC `Z`, 0–9 fractional digits; an offset is accepted too). */
export const GoogleTime = z.iso.datetime({ offset: true });

export const GbpReviewer = z.object({
  profilePhotoUrl: z.string().optional(),
  displayName: z.string().optional(),
  isAnonymous: z.boolean().optional(),
});

export const GbpReviewReply = z.object({
  comment: z.string(),
  /** Always set by Google on a stored reply; optional here so a reply is not lost over it. */
  updateTime: GoogleTime.optional(),
});
export type GbpReviewReply = z.infer<typeof GbpReviewReply>;

export const GbpReview = z.object({
  /** `accounts/{a}/locations/{l}/reviews/{r}`. */
  name: z.string().regex(/^accounts\/[^/]+\/locations\/[^/]+\/reviews\/[^/]+$/, 'not a review name'),
  reviewId: z.string().min(1).optional(),
  reviewer: GbpReviewer.optional(),
  /** STAR_RATING_UNSPECIFIED | ONE … FIVE; any other string maps to "no rating". */
  starRating: z.string().optional(),
  /** Absent on rating-only reviews. */
  comment: z.string().optional(),
  createTime: GoogleTime,
  updateTime: GoogleTime,
  reviewReply: GbpReviewReply.optional(),
});
export type GbpReview = z.infer<typeof GbpReview>;

export const GbpReviewList = z.object({
  reviews: z.array(GbpReview).optional(),
  averageRating: z.number().optional(),
  totalReviewCount: z.number().optional(),
  nextPageToken: z.string().optional(),
});
export type GbpReviewList = z.infer<typeof GbpReviewList>;

export const GbpBatchReviews = z.object({
  locationReviews: z
    .array(
      z.object({
        /** The v4 location name (`accounts/{a}/locations/{l}`). */
        name: z.string(),
        review: GbpReview,
      }),
    )
    .optional(),
  nextPageToken: z.string().optional(),
});
export type GbpBatchReviews = z.infer<typeof GbpBatchReviews>;

/** The answer to DELETE …/reply: `{}`. */
export const GbpEmpty = z.object({});

export const GbpAccount = z.object({
  /** `accounts/{id}`. */
  name: z.string().regex(/^accounts\/[^/]+$/, 'not an account name'),
  accountName: z.string().optional(),
  type: z.string().optional(),
  role: z.string().optional(),
  verificationState: z.string().optional(),
  vettedState: z.string().optional(),
  permissionLevel: z.string().optional(),
});
export type GbpAccount = z.infer<typeof GbpAccount>;

export const GbpAccountList = z.object({
  accounts: z.array(GbpAccount).optional(),
  nextPageToken: z.string().optional(),
});
export type GbpAccountList = z.infer<typeof GbpAccountList>;

export const GbpPostalAddress = z.object({
  regionCode: z.string().optional(),
  languageCode: z.string().optional(),
  postalCode: z.string().optional(),
  administrativeArea: z.string().optional(),
  locality: z.string().optional(),
  addressLines: z.array(z.string()).optional(),
});
export type GbpPostalAddress = z.infer<typeof GbpPostalAddress>;

/** v1 Location with the fields of readMask `name,title,storeCode,storefrontAddress,metadata`. */
export const GbpLocation = z.object({
  /** `locations/{l}` only (no account). */
  name: z.string().regex(/^locations\/[^/]+$/, 'not a location name'),
  title: z.string().optional(),
  storeCode: z.string().optional(),
  storefrontAddress: GbpPostalAddress.optional(),
  metadata: z
    .object({
      placeId: z.string().optional(),
      mapsUri: z.string().optional(),
      newReviewUri: z.string().optional(),
    })
    .optional(),
});
export type GbpLocation = z.infer<typeof GbpLocation>;

export const GbpLocationList = z.object({
  locations: z.array(GbpLocation).optional(),
  nextPageToken: z.string().optional(),
  totalSize: z.number().optional(),
});
export type GbpLocationList = z.infer<typeof GbpLocationList>;

export const GoogleErrorDetail = z.object({
  '@type': z.string().optional(),
  reason: z.string().optional(),
  domain: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** `{"error": {"code", "message", "status", "details"}}`; `details` is optional. */
export const GoogleErrorEnvelope = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(GoogleErrorDetail.loose()).optional(),
  }),
});
export type GoogleErrorEnvelope = z.infer<typeof GoogleErrorEnvelope>;

/** An OAuth token endpoint error (`{"error": "invalid_grant", "error_description"}`), as a refresh may surface it. */
export const OAuthErrorBody = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
