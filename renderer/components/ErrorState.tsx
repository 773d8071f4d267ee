import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../shared/domain/errors';

interface ErrorStateProps {
  error: KalmError;
  onRetry: () => void;
  /** A slim banner above content that stays usable, instead of a full panel. */
  compact?: boolean;
}

/** A failed call: a message chosen by error code, the technical detail as plain text, and a retry. */
export function ErrorState({ error, onRetry, compact = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={compact ? 'banner banner--error' : 'state state--error'}>
      {!compact && <h2 className="state__title">{t('errors.title')}</h2>}
      <p className="state__body">{t(`errors.${error.code}`)}</p>
      {error.message !== '' && (
        <p className="state__detail">
          {t('errors.details')}: {error.message}
        </p>
      )}
      <button type="button" className="btn btn--secondary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
