import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { RemovalCount } from '../../../shared/workspace/removal';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';


/** "2 drafts, 1 reply, 3 labels, 0 notes": what goes with the demo. */
export const workText = (t: TFunction, c: RemovalCount): string =>
  [t('demo.count.drafts', { count: c.drafts }), t('demo.count.replies', { count: c.replies }),
    t('demo.count.labels', { count: c.labels }), t('demo.count.notes', { count: c.notes })].join(', ');

type Phase = { at: 'idle' } | { at: 'confirm' } | { at: 'removing' } | { at: 'kept' } | { at: 'removed'; count: RemovalCount };

/**
 * The demo's removal, asked and counted. `ask`: after the first real import, the question "remove now or
 * keep it beside your reviews"; `settings`: Settings → Data folder, a button with a counted confirmation. Shows
 * nothing while there is no demo.
 */
export function DemoRemoval({ mode }: { mode: 'ask' | 'settings' }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  const [count, setCount] = useState<RemovalCount | null>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [error, setError] = useState<KalmError | null>(null);
  const demo = workspace.data?.demo === true;
  const reviewCount = workspace.data?.reviewCount;

  useEffect(() => {
    if (!demo) return;
    let live = true;
    api.call('workspace.removalCount', { target: { kind: 'demo' } }).then((c) => live && setCount(c), (err: unknown) => live && setError(toKalmError(err)));
    return () => {
      live = false;
    };
  }, [api, demo, reviewCount]);

  const remove = async () => {
    setPhase({ at: 'removing' });
    try {
      setPhase({ at: 'removed', count: await api.call('workspace.remove', { target: { kind: 'demo' } }) });
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
      setPhase({ at: 'idle' });
    }
  };

  if (phase.at === 'removed') {
    return <p role="status" className="setting__hint">{t('demo.removed', { what: `${t('demo.count.reviews', { count: phase.count.reviews })}, ${workText(t, phase.count)}` })}</p>;
  }
  if (phase.at === 'kept') return mode === 'ask' ? <p role="status" className="setting__hint">{t('demo.keptHint')}</p> : null;
  if (!demo || !count) return error ? <InlineError error={error} /> : null;

  if (mode === 'ask') {
    return (
      <div className="demo-question" role="group" aria-labelledby={`${ids}-q`}>
        <p id={`${ids}-q`}><strong>{t('demo.question')}</strong></p>
        <p className="setting__hint">{t('demo.questionHint')}</p>
        <div className="source__actions">
          <button type="button" className="btn btn--secondary" disabled={phase.at === 'removing'} onClick={() => void remove()}>
            {phase.at === 'removing' ? t('demo.removing') : t('demo.removeNow', { what: workText(t, count) })}
          </button>
          <button type="button" className="btn btn--primary" disabled={phase.at === 'removing'} onClick={() => setPhase({ at: 'kept' })}>{t('demo.keep')}</button>
        </div>
        <InlineError error={error} />
      </div>
    );
  }
  return (
    <div className="demo-settings" role="group" aria-labelledby={`${ids}-t`}>
      <p id={`${ids}-t`} className="setting__label">{t('demo.settingsTitle')}</p>
      <p className="setting__hint">{t('demo.settingsHint')}</p>
      {phase.at === 'idle' ? (
        <div className="rules__actions">
          <button type="button" className="btn btn--secondary" onClick={() => setPhase({ at: 'confirm' })}>{t('demo.settingsRemove')}</button>
        </div>
      ) : (
        <div role="alertdialog" aria-labelledby={`${ids}-c`}>
          <p id={`${ids}-c`}>{t('demo.confirm', { reviews: t('demo.count.reviews', { count: count.reviews }), what: workText(t, count) })}</p>
          <div className="rules__actions">
            <button type="button" className="btn btn--primary" disabled={phase.at === 'removing'} onClick={() => void remove()}>
              {phase.at === 'removing' ? t('demo.removing') : t('demo.confirmRemove')}
            </button>
            <button type="button" className="btn btn--secondary" disabled={phase.at === 'removing'} onClick={() => setPhase({ at: 'idle' })}>{t('demo.cancel')}</button>
          </div>
        </div>
      )}
      <InlineError error={error} />
    </div>
  );
}
