import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import type { View } from '../../components/MainNav';
import { formatAverage, formatCount } from '../../format';
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

/** First run, no sources and no reviews: connect Google, import a file, or look around in the demo. */
export function NoReviews({ onLoaded, onView }: { onLoaded: () => void; onView: (v: View) => void }) {
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
    <div className="state state--start">
      <h2 className="state__title">{t('empty.title')}</h2>
      <p className="state__body">{t('empty.choose')}</p>
      <ul className="choices">
        <li className="choice">
          <h3>{t('empty.google.title')}</h3>
          <p>{t('empty.google.body')}</p>
          <button type="button" className="btn btn--primary" onClick={() => onView('sources')}>
            {t('empty.google.action')}
          </button>
        </li>
        <li className="choice">
          <h3>{t('empty.import.title')}</h3>
          <p>{t('empty.import.body')}</p>
          <button type="button" className="btn btn--secondary" onClick={() => onView('sources')}>
            {t('empty.import.action')}
          </button>
        </li>
        <li className="choice">
          <h3>{t('empty.demo.title')}</h3>
          <p>{t('empty.body')}</p>
          <button type="button" className="btn btn--secondary" onClick={() => void loadDemo()} disabled={busy}>
            {busy ? t('empty.loadingDemo') : t('empty.loadDemo')}
          </button>
        </li>
      </ul>
      {error && <ErrorState error={error} onRetry={() => void loadDemo()} compact />}
    </div>
  );
}

const STARS = [5, 4, 3, 2, 1] as const;

/** Every review has an answer: a calm message, the overall average and how the ratings spread. */
export function CaughtUp() {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const stats = useCall('reviews.stats', {}, 'reviews.changed');
  const overall = stats.status === 'ready' ? stats.data.overall : null;
  const most = overall ? Math.max(1, ...STARS.map((s) => overall.distribution[s])) : 1;
  return (
    <div className="state state--calm">
      <CalmMark />
      <h2 className="state__title">{t('caughtUp.title')}</h2>
      <p className="state__body">{t('caughtUp.body')}</p>
      {overall && (
        <>
          <p className="state__figure">
            {overall.average === null
              ? t('caughtUp.noAverage')
              : t('caughtUp.average', { average: formatAverage(overall.average, lang), count: overall.rated })}
          </p>
          {overall.rated > 0 && (
            <ul className="spread" aria-label={t('caughtUp.spread')}>
              {STARS.map((s) => (
                <li key={s} className="spread__row">
                  <span className="spread__stars">{t('stars.count', { count: s })}</span>
                  <span className="spread__bar" aria-hidden="true">
                    <span style={{ width: `${(overall.distribution[s] / most) * 100}%` }} />
                  </span>
                  <span className="spread__count">{formatCount(overall.distribution[s], lang)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
