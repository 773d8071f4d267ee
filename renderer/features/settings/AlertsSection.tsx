import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';
import { BackgroundStatusLine } from './BackgroundStatusLine';
import { FieldStatus } from './FieldStatus';
import type { SettingsSectionProps } from './section-props';
import { useSettingField } from './useSettingField';

const browserPermission = (): NotificationPermission | 'unsupported' => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/** Alerts for new low reviews, background sync and starting with the computer; each saved through the core, its message next to it. */
export function AlertsSection({ settings, accept }: SettingsSectionProps) {
  const { t } = useTranslation();
  const ids = useId();
  const threshold = useSettingField(settings, accept);
  const interval = useSettingField(settings, accept);
  const login = useSettingField(settings, accept);
  const info = useCall('app.info', {});
  const [permission, setPermission] = useState(browserPermission);
  const inBrowser = info.data?.host === 'web';

  return (
    <>
      <label className="setting">
        <span className="setting__label">{t('alerts.threshold')}</span>
        <select
          className="setting__input"
          value={settings.alertMaxRating ?? ''}
          aria-invalid={threshold.state.kind === 'invalid'}
          aria-describedby={`${ids}-threshold-status`}
          onChange={(e) => void threshold.commit({ alertMaxRating: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('alerts.off')}</option>
          {[1, 2, 3, 4, 5].map((r) => (
            <option key={r} value={r}>
              {t('alerts.atOrBelow', { rating: r })}
            </option>
          ))}
        </select>
        <span className="setting__hint">{t('alerts.thresholdHint')}</span>
      </label>
      <FieldStatus id={`${ids}-threshold-status`} state={threshold.state} />
      {inBrowser && (
        <div className="setting">
          <span className="setting__label">{t('alerts.browser')}</span>
          {permission === 'granted' && <span className="setting__hint">{t('alerts.granted')}</span>}
          {permission === 'denied' && <span className="setting__hint">{t('alerts.denied')}</span>}
          {permission === 'unsupported' && <span className="setting__hint">{t('alerts.unsupported')}</span>}
          {permission === 'default' && (
            <button type="button" className="btn btn--secondary" onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission(browserPermission()))}>
              {t('alerts.allow')}
            </button>
          )}
        </div>
      )}
      <label className="setting">
        <span className="setting__label">{t('background.interval')}</span>
        <select
          className="setting__input"
          value={settings.syncIntervalMinutes}
          aria-invalid={interval.state.kind === 'invalid'}
          aria-describedby={`${ids}-interval-status`}
          onChange={(e) => void interval.commit({ syncIntervalMinutes: Number(e.target.value) })}
        >
          {[0, 5, 15, 30, 60, 240].map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('background.intervalOff') : t('background.everyMinutes', { count: m })}
            </option>
          ))}
        </select>
        <span className="setting__hint">{t('background.intervalHint')}</span>
      </label>
      <FieldStatus id={`${ids}-interval-status`} state={interval.state} />
      <BackgroundStatusLine />
      {/* Only the desktop app can start with the computer; the browser never shows what it cannot do. */}
      {info.data?.host === 'electron' && (
        <>
          <label className="setting setting--inline">
            <input type="checkbox" checked={settings.startAtLogin} aria-describedby={`${ids}-login-status`} onChange={(e) => void login.commit({ startAtLogin: e.target.checked })} />
            {t('background.startAtLogin')}
          </label>
          <FieldStatus id={`${ids}-login-status`} state={login.state} />
        </>
      )}
    </>
  );
}
