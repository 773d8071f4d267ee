import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFilter, ExportFormat } from '../../../shared/export/export-schema';
import type { Rating } from '../../../shared/domain/review';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { downloadFile } from './download';

type StatusChoice = 'all' | 'unanswered' | 'answered';
const STATUSES: readonly StatusChoice[] = ['all', 'unanswered', 'answered'];
const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** Downloads the reviews of the dashboard's filter (plus status and stars chosen here) as CSV or JSON. */
export function ExportPanel({ filter }: { filter: ExportFilter }) {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<StatusChoice>('all');
  const [ratings, setRatings] = useState<Rating[]>([]);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function run(format: ExportFormat): Promise<void> {
    setBusy(format);
    setMessage(null);
    try {
      const file = await api.call('reviews.export', { format, filter: { ...filter, status, ...(ratings.length > 0 ? { ratings } : {}) } });
      downloadFile(file);
      setMessage({ kind: 'ok', text: t('dashboard.export.done', { count: file.count, file: file.fileName }) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('dashboard.export.failed', { reason: toKalmError(err).message }) });
    } finally {
      setBusy(null);
    }
  }

  const toggle = (r: Rating) => setRatings((list) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r].sort()));
  return (
    <section className="dash-export" aria-labelledby="dash-export-title">
      <h2 id="dash-export-title" className="dash-section__title">{t('dashboard.export.title')}</h2>
      <p className="dash-section__hint">{t('dashboard.export.hint')}</p>
      <div className="dash-export__row">
        <label className="dash-field">
          <span>{t('dashboard.export.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusChoice)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{t(`dashboard.export.statuses.${s}`)}</option>
            ))}
          </select>
        </label>
        <div className="dash-field" role="group" aria-label={t('dashboard.export.ratings')}>
          <span aria-hidden="true">{t('dashboard.export.ratings')}</span>
          <div className="dash-chips">
            {RATINGS.map((r) => (
              <button key={r} type="button" className="dash-chip" aria-pressed={ratings.includes(r)} onClick={() => toggle(r)} aria-label={t('dashboard.distribution.stars', { count: r })}>
                {r}★
              </button>
            ))}
          </div>
        </div>
        <div className="dash-export__buttons">
          <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void run('csv')}>
            {busy === 'csv' ? t('dashboard.export.working') : t('dashboard.export.csv')}
          </button>
          <button type="button" className="btn btn--secondary" disabled={busy !== null} onClick={() => void run('json')}>
            {busy === 'json' ? t('dashboard.export.working') : t('dashboard.export.json')}
          </button>
        </div>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'dash-export__error' : 'dash-export__ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
