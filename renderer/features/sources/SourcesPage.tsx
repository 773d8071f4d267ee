import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDemoReplaced } from '../demo/demo-sources';
import { workText } from '../demo/DemoRemoval';
import type { GoogleStatus, SyncProgress, SyncTotals } from '../../../shared/sources/google-status';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { formatFullDate } from '../../format';
import { useBusyAction } from '../../hooks/useBusyAction';
import { useCall } from '../../hooks/useCall';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { GoogleClientForm } from './GoogleClientForm';
import { GoogleLocations } from './GoogleLocations';
import { ImportPanel } from './ImportPanel';
import { PlayCard } from './PlayCard';
import { SyncBar } from './SyncBar';

/** Sources: connect Google Business Profile, choose locations, sync now. */
export function SourcesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useFormatLocale();
  const status = useCall('google.status', {}, 'workspace.sourcesChanged');
  const { busy, error, clearError, run } = useBusyAction<'connect' | 'discover' | 'sync'>(status.reload);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [result, setResult] = useState<SyncTotals | null>(null);

  useEffect(() => api.on('google.syncProgress', setProgress), [api]);

  const connect = () =>
    run('connect', async () => {
      const go = await confirmDemoReplaced({
        demo: async () => (await api.call('workspace.get', {})).demo,
        count: () => api.call('workspace.removalCount', { target: { kind: 'demo' } }),
        confirm: (text) => window.confirm(text),
        text: (c) => t('demo.googleConfirm', { what: workText(t, { ...c, reviews: 0, handoffs: 0 }) }),
      });
      if (!go) return;
      const { authUrl } = await api.call('google.connect', {});
      // Electron opens http(s) windows in the system browser; the web host opens a new tab.
      window.open(authUrl, '_blank', 'noopener,noreferrer');
    });
  const sync = () =>
    run('sync', async () => {
      setResult(null);
      setProgress(null);
      setResult(await api.call('google.sync', {}));
    });

  if (status.status === 'loading') return <div className="sources-page"><p className="muted">{t('sources.loading')}</p></div>;
  if (status.status === 'error') return <div className="sources-page"><ErrorState error={status.error} onRetry={status.reload} /></div>;
  const s: GoogleStatus = status.data;

  return (
    <div className="sources-page">
      <h1 className="sources-page__title">{t('sources.title')}</h1>
      <section className="card source" aria-labelledby="google-title">
        <div className="source__head">
          <h2 id="google-title" className="source__title">{t('sources.google.title')}</h2>
          <span className={`badge ${s.needsReconnect ? 'badge--warn' : s.connected ? 'badge--ok' : ''}`}>
            {s.needsReconnect ? t('sources.google.needsReconnect') : s.connected ? t('sources.google.connected') : t('sources.google.notConnected')}
          </span>
        </div>
        <p className="source__body">{t('sources.google.explain')}</p>
        {/* A published build carries the publisher's client: just "Sign in with Google"; the owner's own client is Advanced. */}
        {s.builtInClient && !s.connected && <p className="source__hint">{t('sources.google.signInHint')}</p>}
        {!s.configured && <GoogleClientForm onSaved={status.reload} />}
        {s.lastError && (
          <p className="source__error" role="alert">
            {s.lastError}
          </p>
        )}
        <div className="source__actions">
          {(!s.connected || s.needsReconnect) && (
            <button type="button" className="btn btn--primary" onClick={() => void connect()} disabled={!s.configured || busy !== null}>
              {s.signingIn ? t('sources.google.waiting') : s.builtInClient ? t('sources.google.signIn') : s.needsReconnect ? t('sources.google.reconnect') : t('sources.google.connect')}
            </button>
          )}
          {s.connected && (
            <>
              <button type="button" className="btn btn--secondary" onClick={() => void run('discover', () => api.call('google.discover', {}))} disabled={busy !== null}>
                {t('sources.google.refreshLocations')}
              </button>
              <button type="button" className="btn btn--primary" onClick={() => void sync()} disabled={busy !== null || !s.locations.some((l) => l.selected)}>
                {busy === 'sync' ? t('sources.sync.running') : t('sources.sync.now')}
              </button>
            </>
          )}
        </div>
        {busy === 'sync' && <SyncBar progress={progress} />}
        {result && busy === null && <p className="source__result" role="status">{t('sources.sync.done', { ...result, count: result.locations })}</p>}
        {error && <ErrorState error={error} onRetry={clearError} compact />}
        {s.connected && <GoogleLocations status={s} disabled={busy !== null} onChanged={status.reload} />}
        {s.lastSyncAt && <p className="muted">{t('sources.lastSync', { when: formatFullDate(s.lastSyncAt, lang) })}</p>}
        {s.builtInClient && (
          <details className="source__advanced">
            <summary>{t('sources.google.advanced')}</summary>
            <GoogleClientForm onSaved={status.reload} hint={t('sources.google.advancedHint')} />
          </details>
        )}
      </section>
      <PlayCard configured={s.configured} builtInClient={s.builtInClient === true} />
      <ImportPanel />
    </div>
  );
}
