import type { Department } from '../../../shared/domain/settings';
import type { Review } from '../../../shared/domain/review';

export interface ForwardMail {
  subject: string;
  body: string;
  mailto: string;
}

const stars = (rating: number | null): string => (rating === null ? 'no rating' : `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)} (${rating}/5)`);

/** Only plain web links go into the mail; anything else from a source is left out. */
const safeLink = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
};

/** RFC 6068: every reserved character percent-encoded, line breaks as CRLF. */
const encode = (s: string): string => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/**
 * The mail that hands a review to a department: the review's text, rating,
 * link and the private note, as a `mailto:` link (and the same text to paste).
 */
export function forwardMail(review: Review, department: Department, opts: { locationName: string | null; businessName: string }): ForwardMail {
  const where = opts.locationName ?? review.locationId;
  const subject = `Review ${review.rating === null ? '' : `${review.rating}★ `}— ${where}${opts.businessName ? ` (${opts.businessName})` : ''}`;
  const link = safeLink(review.url);
  const lines = [
    `Hello ${department.name},`,
    '',
    'This review needs your attention:',
    '',
    `Rating: ${stars(review.rating)}`,
    `From: ${review.anonymous || review.author.trim() === '' ? 'anonymous' : review.author}`,
    `Location: ${where}`,
    `Date: ${review.createdAt.slice(0, 10)}`,
    ...(link ? [`Link: ${link}`] : []),
    '',
    review.text && review.text.trim() !== '' ? review.text : '(rating only, no text)',
    ...(review.translatedText ? ['', `Translation: ${review.translatedText}`] : []),
    ...(review.note && review.note.trim() !== '' ? ['', `Note: ${review.note}`] : []),
    '',
    'Please let us know when it has been handled.',
  ];
  const body = lines.join('\n');
  return { subject, body, mailto: `mailto:${encodeURIComponent(department.email.trim()).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}` };
}
