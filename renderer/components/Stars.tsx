import { useTranslation } from 'react-i18next';

interface StarsProps {
  rating: number | null;
  size?: 'sm' | 'lg';
}

/** Amber stars with a spoken label ("2 of 5 stars"); "No rating" when the source gave none. */
export function Stars({ rating, size = 'sm' }: StarsProps) {
  const { t } = useTranslation();
  if (rating === null) return <span className={`stars stars--${size} stars--none`}>{t('stars.none')}</span>;
  const label = t('stars.label', { rating });
  return (
    <span className={`stars stars--${size}`} role="img" aria-label={label} title={label}>
      <span className="stars__on">{'★'.repeat(rating)}</span>
      <span className="stars__off">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}
