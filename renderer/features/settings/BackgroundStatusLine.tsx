import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';
import { useNow } from '../../hooks/useNow';

/**
 * Background sync as it is now (on, syncing, paused: offline / battery saver)
 * and what this computer lets Kalm see of its power state. Re-read on
 * `sync.backgroundChanged` and every half minute (a power-saving mode can switch
 * on without an event on Linux).
 */
export function BackgroundStatusLine() {
  const { t } = useTranslation();
  const status = useCall('sync.backgroundStatus', {}, 'sync.backgroundChanged');
  const tick = useNow(30_000);
  const { reload } = status;
  useEffect(() => reload(), [tick, reload]);
  const s = status.data;
  if (!s) return null;
  const state = s.pausedBy ?? s.state;
  const label = state === 'waiting' ? t('background.waiting', { count: s.intervalMinutes }) : t(`background.${state}`);
  return (
    <div className="setting" data-testid="background-status">
      <p role="status" className="setting__label">
        {t('background.status', { state: label })}
      </p>
      <p className="setting__hint">
        {t(`background.detects.${s.power.detects}`)}
        {s.power.onBattery === true && <> {t('background.onBattery')}</>}
      </p>
    </div>
  );
}
