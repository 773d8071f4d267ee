import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { RemovalCount, RemovalTarget } from '../../../shared/workspace/removal';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';
import { workText } from '../demo/DemoRemoval';

type Phase = { at: 'idle' } | { at: 'counting' } | { at: 'confirm'; count: RemovalCount } | { at: 'removing'; count: RemovalCount };

/** "Remove …" for a source or a location: counts what goes with it, asks, then removes it all. */
export function RemoveTarget({ target, name }: { target: RemovalTarget; name: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [error, setError] = useState<KalmError | null>(null);
  const team = useCall('team.status', {}, 'team.status').data;

  const ask = async () => {
    setPhase({ at: 'counting' });
    try {
      setPhase({ at: 'confirm', count: await api.call('workspace.removalCount', { target }) });
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
      setPhase({ at: 'idle' });
    }
  };
  const remove = async (count: RemovalCount) => {
    setPhase({ at: 'removing', count });
    try {
      await api.call('workspace.remove', { target });
      // The workspace changes: the owner of this row re-renders without it.
    } catch (err) {
      setError(toKalmError(err));
      setPhase({ at: 'confirm', count });
    }
  };

  if (phase.at === 'idle' || phase.at === 'counting') {
    return (
      <>
        <button type="button" className="btn btn--ghost" disabled={phase.at === 'counting'} onClick={() => void ask()}>{t('removal.remove', { name })}</button>
        <InlineError error={error} />
      </>
    );
  }
  const { count } = phase;
  return (
    <div role="alertdialog" aria-labelledby={`${ids}-c`}>
      <p id={`${ids}-c`}>
        {t('removal.confirm', { name, reviews: t('demo.count.reviews', { count: count.reviews }), what: workText(t, count) })}
        {team?.enabled ? ` ${t('removal.forTeam', { db: team.db })}` : null}
      </p>
      <div className="rules__actions">
        <button type="button" className="btn btn--primary" disabled={phase.at === 'removing'} onClick={() => void remove(count)}>
          {phase.at === 'removing' ? t('removal.removing', { name }) : t('removal.yes', { name })}
        </button>
        <button type="button" className="btn btn--secondary" disabled={phase.at === 'removing'} onClick={() => setPhase({ at: 'idle' })}>{t('demo.cancel')}</button>
      </div>
      <InlineError error={error} />
    </div>
  );
}
