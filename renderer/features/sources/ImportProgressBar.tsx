import { useTranslation } from 'react-i18next';
import type { ImportProgressEvent } from '../../../shared/contract';
import { formatCount, formatNumber } from '../../format';

const megabytes = (bytes: number, language: string): string => formatNumber(bytes / 1048576, language, bytes < 10 * 1048576 ? 1 : 0);

/** How far a running import is: a bar over the file's bytes and a line with the pass, rows and megabytes. */
export function ImportProgressBar({ progress }: { progress: ImportProgressEvent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const text = t('sources.import.progress', {
    pass: t(progress.pass === 'check' ? 'sources.import.progressCheck' : 'sources.import.progressImport'),
    rows: formatCount(progress.rows, lang),
    read: megabytes(progress.bytes, lang),
    total: megabytes(progress.totalBytes, lang),
  });
  return (
    <div className="import__progress">
      <progress max={Math.max(1, progress.totalBytes)} value={Math.min(progress.bytes, progress.totalBytes)} aria-label={t('sources.import.progressLabel')} />
      <p className="muted" role="status">{text}</p>
    </div>
  );
}
