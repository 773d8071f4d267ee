import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Department } from '../../../shared/domain/settings';
import type { Forward } from '../../../shared/contract/handoff';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';

/** Opens the mail client without leaving the page (Electron hands mailto: to the system). */
function openMail(mailto: string): void {
  const a = document.createElement('a');
  a.href = mailto;
  a.rel = 'noopener';
  a.click();
}

/** "Forward to department": opens a mail with the review and copies it; then tracks open/handled. */
export function ForwardPanel({ reviewId, departments }: { reviewId: string; departments: readonly Department[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const all = useCall('handoff.list', {}, 'handoff.changed');
  const [department, setDepartment] = useState(departments[0]?.id ?? '');
  const [mailto, setMailto] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [error, setError] = useState<KalmError | null>(null);
  const forward: Forward | undefined = all.data?.forwards.find((f) => f.reviewId === reviewId);

  const send = async () => {
    try {
      const result = await api.call('handoff.forward', { reviewId, departmentId: department });
      setMailto(result.mailto);
      setError(null);
      all.reload();
      openMail(result.mailto);
      try {
        await navigator.clipboard.writeText(result.text);
        setCopied(true);
      } catch {
        setCopied(false);
      }
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  const setState = async (state: Forward['state']) => {
    try {
      await api.call('handoff.setState', { reviewId, state });
      all.reload();
    } catch (err) {
      setError(toKalmError(err));
    }
  };

  if (departments.length === 0) return <p className="muted handoff__field">{t('handoff.forward.noDepartments')}</p>;
  return (
    <div className="handoff__field">
      <label htmlFor={id} className="setting__label">
        {t('handoff.forward.label')}
      </label>
      <div className="handoff__row">
        <select id={id} className="setting__input" value={department} onChange={(e) => setDepartment(e.target.value)}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn--secondary" onClick={() => void send()}>
          {t('handoff.forward.send')}
        </button>
      </div>
      {forward && (
        <p className="handoff__status" role="status">
          <span className={`badge badge--forward-${forward.state}`}>{t(`handoff.forward.state.${forward.state}`, { name: forward.departmentName })}</span>
          {forward.state === 'open' ? (
            <button type="button" className="btn btn--ghost" onClick={() => void setState('handled')}>
              {t('handoff.forward.markHandled')}
            </button>
          ) : (
            <button type="button" className="btn btn--ghost" onClick={() => void setState('open')}>
              {t('handoff.forward.reopen')}
            </button>
          )}
        </p>
      )}
      {mailto && (
        <p className="muted">
          <a href={mailto} className="handoff__mail">
            {t('handoff.forward.openMail')}
          </a>
          {copied === true && ` · ${t('handoff.forward.copied')}`}
          {copied === false && ` · ${t('handoff.forward.notCopied')}`}
        </p>
      )}
      <InlineError error={error} />
    </div>
  );
}
