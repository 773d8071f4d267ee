import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/import/options';
import { Stars } from '../../components/Stars';
import { formatFullDate } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

const SHOWN_ERRORS = 20;

/** The first rows as Kalm would import them, and the rows it cannot use, by row number. */
export function ImportPreview({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  return (
    <div className="import-preview">
      <p className="import-preview__summary" role="status">
        {t('sources.import.summary', { valid: report.valid, count: report.rows, format: report.format.toUpperCase(), encoding: report.encoding })}
      </p>
      {report.preview.length > 0 && (
        <table className="import-preview__table">
          <caption>{t('sources.import.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sources.import.row')}</th>
              <th scope="col">{t('sources.import.fields.rating')}</th>
              <th scope="col">{t('sources.import.fields.author')}</th>
              <th scope="col">{t('sources.import.fields.date')}</th>
              <th scope="col">{t('sources.import.fields.text')}</th>
            </tr>
          </thead>
          <tbody>
            {report.preview.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  <Stars rating={r.rating} />
                  {r.originalRating !== null && String(r.rating) !== r.originalRating && <span className="muted"> ({r.originalRating})</span>}
                </td>
                <td>{r.author || t('review.anonymous')}</td>
                <td>{r.date ? formatFullDate(r.date, lang) : ''}</td>
                <td className="import-preview__text">{r.text ?? t('review.ratingOnly')}{r.hasReply ? ` · ${t('sources.import.hasReply')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.errorCount > 0 && (
        <div className="import-preview__errors">
          <h3>{t('sources.import.errorsTitle', { count: report.errorCount })}</h3>
          <ul>
            {report.errors.slice(0, SHOWN_ERRORS).map((e) => <li key={e.row}>{e.message}</li>)}
          </ul>
          {report.errorCount > SHOWN_ERRORS && <p className="muted">{t('sources.import.moreErrors', { count: report.errorCount - SHOWN_ERRORS })}</p>}
        </div>
      )}
    </div>
  );
}
