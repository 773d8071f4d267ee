import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../shared/contract/app';
import { useApi } from '../api-context';

/**
 * The header's "Restart to update", shown once the desktop app has downloaded a new version in the
 * background. Nothing shows while up to date, in the web host or in a build without updates.
 */
export function UpdateButton() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('app.updateStatus', {}).then((s) => live && setStatus(s), () => undefined);
    const off = api.on('app.updateChanged', setStatus);
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (status?.state !== 'ready') return null;
  const restart = () => {
    setBusy(true);
    api.call('app.restartToUpdate', {}).catch(() => setBusy(false));
  };
  return (
    <button type="button" className="btn btn--primary topbar__update" disabled={busy} title={t('update.restartTitle', { version: status.version ?? '' })} onClick={restart}>
      {t('update.restart')}
    </button>
  );
}
