import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/domain/review';
import { Stars } from '../../components/Stars';

interface ReplyPreviewProps {
  review: Review;
  author: string;
  business: string;
  text: string;
}

/** How the reply will appear under the review on the source's page (all as text). */
export function ReplyPreview({ review, author, business, text }: ReplyPreviewProps) {
  const { t } = useTranslation();
  return (
    <section className="preview" aria-label={t('composer.preview.title')}>
      <h3 className="preview__title">{t('composer.preview.title')}</h3>
      <div className="preview__card">
        <p className="preview__author">
          {author} <Stars rating={review.rating} />
        </p>
        {review.text && <p className="preview__review">{review.text}</p>}
        <div className="preview__reply">
          <p className="preview__owner">{business ? t('composer.preview.ownerNamed', { business }) : t('composer.preview.owner')}</p>
          <p className="preview__text">{text.trim() === '' ? t('composer.preview.empty') : text}</p>
        </div>
      </div>
    </section>
  );
}
