import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

/** Shown while reviews are checked: how many, "mark done" (e), other actions (labels) and "clear". */
export function BulkBar({ count, onDone, onClear, children }: { count: number; onDone: () => void; onClear: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  return (
    <div className="bulk" role="region" aria-label={t('inbox.bulk.label')}>
      <span className="bulk__count">{t('inbox.bulk.count', { count, formatted: formatCount(count, lang) })}</span>
      <button type="button" className="btn btn--primary" onClick={onDone} aria-keyshortcuts="e">
        {t('inbox.bulk.done')}
      </button>
      {children}
      <button type="button" className="btn btn--ghost" onClick={onClear}>
        {t('inbox.bulk.clear')}
      </button>
    </div>
  );
}
