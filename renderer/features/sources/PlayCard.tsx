import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoRemoval } from '../demo/DemoRemoval';
import type { PlaySyncTotals } from '../../../shared/play/status';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { formatFullDate } from '../../format';
import { useBusyAction } from '../../hooks/useBusyAction';
import { useCall } from '../../hooks/useCall';
import { useFormatLocale, useUiLanguage } from '../../hooks/useUiLanguage';
import { PlayCardKey } from './PlayCardKey';

/** Sources → Google Play: follow an app by its package name (Google sign-in with the Play scope, or a service-account key), sync its reviews. */
export function PlayCard({ configured, builtInClient = false }: { configured: boolean; builtInClient?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const lang = useFormatLocale();
  const uiLanguage = useUiLanguage();
  const status = useCall('play.status', {}, 'workspace.sourcesChanged');
  const [packageName, setPackageName] = useState('');
  const action = useBusyAction<'connect' | 'sync' | 'follow'>(status.reload);
  const busy = action.busy !== null;
  const { error, clearError } = action;
  const [result, setResult] = useState<PlaySyncTotals | null>(null);

  const connect = (e: FormEvent) => {
    e.preventDefault();
    void action.run('connect', async () => {
      // With a service-account key there is no browser sign-in: the app is simply followed.
      if (status.data?.serviceAccount) {
        await api.call('play.addApp', { packageName: packageName.trim() });
        return;
      }
      const { authUrl } = await api.call('play.connect', { packageName: packageName.trim() });
      window.open(authUrl, '_blank', 'noopener,noreferrer');
    });
  };
  const apps = status.data?.apps ?? [];
  const followed = apps.filter((a) => a.followed);
  const follow = (name: string, on: boolean) =>
    void action.run('follow', async () => {
      await api.call(on ? 'play.addApp' : 'play.unfollowApp', { packageName: name });
    });

  return (
    <section className="card source" aria-labelledby={`${ids}-title`}>
      <div className="source__head">
        <h2 id={`${ids}-title`} className="source__title">{t('sources.play.title')}</h2>
        <span className={`badge ${followed.length ? 'badge--ok' : ''}`}>{followed.length ? t('sources.play.following') : t('sources.play.noApps')}</span>
      </div>
      <p className="source__body">{t('sources.play.explain')}</p>
      {apps.length > 0 && (
        <ul className="play-apps">
          {apps.map((a) => (
            <li key={a.packageName}>
              <code>{a.packageName}</code>
              <span className="muted"> · {a.followed ? (a.lastSyncAt ? t('sources.lastSync', { when: formatFullDate(a.lastSyncAt, lang) }) : t('sources.play.neverSynced')) : t('sources.play.notFollowed')}</span>{' '}
              {a.followed ? (
                <button type="button" className="btn btn--ghost play-apps__action" disabled={busy} aria-label={t('sources.play.unfollowApp', { app: a.packageName })} onClick={() => follow(a.packageName, false)}>
                  {t('sources.play.unfollow')}
                </button>
              ) : (
                // Following again needs the key or the sign-in that follows apps (play.addApp needs the key).
                status.data?.serviceAccount && (
                  <button type="button" className="btn btn--ghost play-apps__action" disabled={busy} aria-label={t('sources.play.followAgainApp', { app: a.packageName })} onClick={() => follow(a.packageName, true)}>
                    {t('sources.play.followAgain')}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="client-form" onSubmit={connect}>
        <label className="client-form__label" htmlFor={`${ids}-pkg`}>{t('sources.play.package')}</label>
        <input id={`${ids}-pkg`} className="client-form__input" value={packageName} placeholder="com.example.app" spellCheck={false} autoComplete="off"
          onChange={(e) => setPackageName(e.target.value)} />
        <div className="source__actions">
          <button type="submit" className="btn btn--secondary" disabled={(!configured && !status.data?.serviceAccount) || busy || status.data?.signingIn === true || packageName.trim() === ''}>
            {status.data?.signingIn ? t('sources.google.waiting') : builtInClient && !status.data?.serviceAccount ? t('sources.google.signIn') : t('sources.play.connect')}
          </button>
          {followed.length > 0 && (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void action.run('sync', async () => setResult(await api.call('play.sync', { translationLanguage: uiLanguage })))}>
              {busy ? t('sources.sync.running') : t('sources.play.sync')}
            </button>
          )}
        </div>
      </form>
      {status.data?.lastError && <p className="source__error" role="alert">{status.data.lastError}</p>}
      {result && !busy && (
        <div role="status">
          <p className="source__result">{t('sources.play.done', { count: result.apps, fetched: result.fetched, new: result.new, updated: result.updated })}</p>
          {result.warnings.map((w) => <p key={w} className="source__error">{w}</p>)}
        </div>
      )}
      {followed.length > 0 && <DemoRemoval mode="ask" />}
      {error && <ErrorState error={error} onRetry={clearError} compact />}
      {builtInClient && !status.data?.serviceAccount ? (
        // A published build signs in with the publisher's client; a service-account key is the Advanced way.
        <details className="source__advanced">
          <summary>{t('sources.play.advanced')}</summary>
          <PlayCardKey packageName={packageName} serviceAccount={null} onChanged={status.reload} />
        </details>
      ) : (
        <PlayCardKey packageName={packageName} serviceAccount={status.data?.serviceAccount ?? null} onChanged={status.reload} />
      )}
    </section>
  );
}
