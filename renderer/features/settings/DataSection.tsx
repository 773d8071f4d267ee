import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';
import { SupportActions } from './SupportActions';
import { DemoRemoval } from '../demo/DemoRemoval';

/** Where the data folder is, opening it, a backup zip of it, and the logs and diagnostics for support. */
export function DataSection() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useCall('app.info', {});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  const path = info.data?.dataDir ?? '';
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    try {
      setStatus(await action());
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <label className="setting">
        <span className="setting__label">{t('dataFolder.folder')}</span>
        <input className="setting__input" readOnly value={path} onFocus={(e) => e.target.select()} />
        <span className="setting__hint">{t('dataFolder.folderHint')}</span>
      </label>
      <div className="rules__actions">
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => void run(async () => ((await api.call('app.openDataFolder', {})).opened ? null : t('dataFolder.copyPath')))}>
          {t('dataFolder.open')}
        </button>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy}
          onClick={() => void run(async () => {
            const r = await api.call('backup.create', {});
            return t('backup.backedUp', { path: r.path, count: r.files });
          })}
        >
          {busy ? t('backup.backingUp') : t('backup.now')}
        </button>
      </div>
      <p className="setting__hint">{t('backup.hint')}</p>
      <p role="status" className="setting__hint">{status}</p>
      <InlineError error={error} />
      <SupportActions />
      <DemoRemoval mode="settings" />
    </>
  );
}
