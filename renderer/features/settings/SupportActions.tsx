import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';

/** Settings → Data: open the logs folder and copy diagnostics (versions, OS, counts, recent errors) for a support question. */
export function SupportActions() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const [error, setError] = useState<KalmError | null>(null);

  const openLogs = async () => {
    setError(null);
    try {
      const r = await api.call('app.openLogs', {});
      setStatus(r.opened ? null : t('settings.support.logsAt', { path: r.path }));
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  const copy = async () => {
    setError(null);
    setManual(null);
    try {
      const { text } = await api.call('app.diagnostics', {});
      try {
        await navigator.clipboard.writeText(text);
        setStatus(t('settings.support.copied'));
      } catch {
        // No clipboard permission (e.g. a browser without focus): show the text to copy by hand.
        setStatus(t('settings.support.copyFailed'));
        setManual(text);
      }
    } catch (err) {
      setError(toKalmError(err));
    }
  };

  return (
    <div className="support-actions">
      <h3 className="setting__label">{t('settings.support.title')}</h3>
      <div className="rules__actions">
        <button type="button" className="btn btn--secondary" onClick={() => void openLogs()}>
          {t('settings.support.openLogs')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => void copy()}>
          {t('settings.support.copyDiagnostics')}
        </button>
      </div>
      <p className="setting__hint">{t('settings.support.hint')}</p>
      <p role="status" className="setting__hint">{status}</p>
      {manual !== null && <textarea className="setting__input support-actions__text" readOnly rows={8} value={manual} aria-label={t('settings.support.copyDiagnostics')} onFocus={(e) => e.target.select()} />}
      <InlineError error={error} />
    </div>
  );
}
