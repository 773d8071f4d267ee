import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../shared/sources/google-status';

/** "Location 3 of 12 — 240 reviews fetched", with a real progress bar. */
export function SyncBar({ progress }: { progress: SyncProgress | null }) {
  const { t } = useTranslation();
  const value = progress ? progress.locationIndex : 0;
  const max = progress ? Math.max(1, progress.locationCount) : 1;
  return (
    <div className="syncbar">
      <progress className="syncbar__bar" value={value} max={max} aria-label={t('sources.sync.progressLabel')} />
      <span className="syncbar__text">
        {progress ? t('sources.sync.progress', progress) : t('sources.sync.starting')}
      </span>
    </div>
  );
}
