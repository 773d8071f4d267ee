import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { formatAverage } from '../../format';
import { useCall } from '../../hooks/useCall';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { toKalmError } from '../../transport/errors';

function CalmMark() {
  return (
    <svg className="state__mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" className="state__mark-disc" />
      <path d="M15 25l6 6 12-13" className="state__mark-line" />
    </svg>
  );
}

/** No reviews at all yet: offer the demo business. */
export function NoReviews({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);

  const loadDemo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.call('workspace.loadDemo', {});
      onLoaded();
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="state">
      <h2 className="state__title">{t('empty.title')}</h2>
      <p className="state__body">{t('empty.body')}</p>
      <button type="button" className="btn btn--primary" onClick={() => void loadDemo()} disabled={busy}>
        {busy ? t('empty.loadingDemo') : t('empty.loadDemo')}
      </button>
      {error && <ErrorState error={error} onRetry={() => void loadDemo()} compact />}
    </div>
  );
}

/** Every review has an answer: a calm message and the overall average. */
export function CaughtUp() {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const stats = useCall('stats.summary', {}, 'reviews.changed');
  const overall = stats.status === 'ready' ? stats.data.overall : null;
  return (
    <div className="state state--calm">
      <CalmMark />
      <h2 className="state__title">{t('caughtUp.title')}</h2>
      <p className="state__body">{t('caughtUp.body')}</p>
      {overall && (
        <p className="state__figure">
          {overall.average === null
            ? t('caughtUp.noAverage')
            : t('caughtUp.average', { average: formatAverage(overall.average, lang), count: overall.rated })}
        </p>
      )}
    </div>
  );
}
