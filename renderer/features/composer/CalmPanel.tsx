import { useTranslation } from 'react-i18next';

interface CalmPanelProps {
  /** Seconds until the editor opens; 0 when it is open. */
  remaining: number;
  total: number;
  /** A pause applies to this review (1–2★ with the cool-down on). */
  paused: boolean;
}

/** Stay calm: the reason for the pause in one line, and how long it still takes. */
export function CalmPanel({ remaining, total, paused }: CalmPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="calm">
      {paused && <p className="calm__reason">{t('composer.coolDown.reason')}</p>}
      {paused && (
        <div className="calm__timer" role="timer" aria-live="off">
          <progress className="calm__bar" max={Math.max(1, total)} value={Math.max(0, total - remaining)} />
          <p className="calm__left">{remaining > 0 ? t('composer.coolDown.remaining', { count: remaining }) : t('composer.coolDown.ready')}</p>
        </div>
      )}
      <p className="composer__muted">{paused && remaining > 0 ? t('composer.coolDown.setting') : t('composer.freeWriting')}</p>
    </div>
  );
}
