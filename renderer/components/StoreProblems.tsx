import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { useApi } from '../api-context';
import { useCall } from '../hooks/useCall';

/**
 * Tells the user which data file Kalm could not use and why (moved to quarantine,
 * written by a newer Kalm, a failed save). File names and reasons are shown as text.
 */
export function StoreProblems() {
  const { t } = useTranslation();
  const api = useApi();
  const initial = useCall('app.storeProblems', {});
  const [live, setLive] = useState<StoreProblem[]>([]);
  const [dismissed, setDismissed] = useState(false);

  const [recovered, setRecovered] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => api.on('app.storeProblem', (p) => {
    setLive((list) => [...list, p]);
    if (p.kind === 'write-failed') setRecovered((files) => new Set([...files].filter((f) => f !== p.file)));
    setDismissed(false);
  }), [api]);
  // A failed save that landed on a retry is no longer a problem.
  useEffect(() => api.on('app.storeRecovered', ({ file }) => setRecovered((files) => new Set(files).add(file))), [api]);

  const problems = [...(initial.data?.problems ?? []), ...live].filter((p) => !(p.kind === 'write-failed' && recovered.has(p.file)));
  if (problems.length === 0 || dismissed) return null;
  return (
    <section className="problems" role="alert" aria-labelledby="problems-title">
      <div className="problems__head">
        <h2 id="problems-title" className="problems__title">{t('problems.title', { count: problems.length })}</h2>
        <button type="button" className="btn btn--ghost" onClick={() => setDismissed(true)}>
          {t('problems.dismiss')}
        </button>
      </div>
      <ul className="problems__list">
        {problems.map((p) => (
          <li key={`${p.file} ${p.at} ${p.kind}`}>
            <strong>{t(`problems.kind.${p.kind}`)}</strong> <code>{p.file}</code> — {p.reason}
            {/* What the owner lost and has to do again, in their language (a file from a newer Kalm lost nothing). */}
            {p.lost && p.kind !== 'newer-version' && <p className="problems__lost">{t(`problems.lost.${p.lost}`)}</p>}
          </li>
        ))}
      </ul>
      <p className="problems__hint">{t('problems.hint')}</p>
    </section>
  );
}
