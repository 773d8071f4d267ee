import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { tlsProblemOfSubcode } from '../../../shared/team/tls-problem';
import { teamStatusLabel } from './TeamSyncStatus';

/** Settings → Team workspace: create or join one (server, workspace, user, password), see its state, leave it. */
export function TeamWorkspaceSection() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const status = useCall('team.status', {}, 'team.status');
  const [form, setForm] = useState({ server: '', db: '', user: '', password: '', caFile: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  useEffect(() => api.on('team.progress', setProgress), [api]);
  const s = status.data;

  const run = async (what: 'team.create' | 'team.join' | 'team.leave') => {
    setBusy(true);
    setError(null);
    try {
      if (what === 'team.leave') await api.call('team.leave', {});
      else {
        const { caFile, ...rest } = form;
        await api.call(what, caFile.trim() === '' ? rest : { ...rest, caFile: caFile.trim() });
      }
      setForm((f) => ({ ...f, password: '' }));
      status.reload();
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  // A certificate problem in the UI language (the core's message is the English fallback).
  const errorText = (e: KalmError): string => {
    const tls = tlsProblemOfSubcode(e.subcode);
    return tls ? t(`team.tls.${tls}`) : e.message;
  };
  const submit = (e: FormEvent, what: 'team.create' | 'team.join') => {
    e.preventDefault();
    void run(what);
  };

  if (s?.enabled) {
    const names = s.peers.map((p) => p.member).join(', ');
    return (
      <div className="setting" data-testid="team-settings">
        <p className="setting__label">{t('team.settings.member', { user: s.user, db: s.db, server: s.server })}</p>
        <p role="status">{teamStatusLabel(s, t, i18n.language)}</p>
        {s.passwordKept && <p className="setting__hint">{t(s.passwordKept === 'keychain' ? 'team.settings.passwordKeychain' : 'team.settings.passwordFile')}</p>}
        {s.caFile && <p className="setting__hint">{t('team.settings.caTrusted', { file: s.caFile })}</p>}
        {names !== '' && <p className="setting__hint">{t('team.settings.peers', { names })}</p>}
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => void run('team.leave')}>{t('team.settings.leave')}</button>
        <p className="setting__hint">{t('team.settings.leaveHint')}</p>
        {error && <p role="alert" className="setting__error">{errorText(error)}</p>}
      </div>
    );
  }
  const field = (key: keyof typeof form, type = 'text', hint?: string) => (
    <>
      <label className="setting" htmlFor={`${id}-${key}`}>
        <span className="setting__label">{t(`team.settings.${key}`)}</span>
        <input id={`${id}-${key}`} className="setting__input" type={type} autoComplete={key === 'password' ? 'current-password' : 'off'} value={form[key]} required={key !== 'caFile'}
          {...(hint ? { 'aria-describedby': `${id}-${key}-hint` } : {})}
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
      </label>
      {hint && <p id={`${id}-${key}-hint`} className="setting__hint">{hint}</p>}
    </>
  );
  return (
    <form className="team-settings" data-testid="team-settings" onSubmit={(e) => submit(e, 'team.join')}>
      <p className="setting__hint">{t('team.settings.local')}</p>
      {field('server', 'url')}
      {field('db')}
      {field('user')}
      {field('password', 'password')}
      {field('caFile', 'text', t('team.settings.caFileHint'))}
      <div className="setting">
        <button type="submit" className="btn btn--primary" disabled={busy}>{t('team.settings.join')}</button>{' '}
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={(e) => submit(e, 'team.create')}>{t('team.settings.create')}</button>
      </div>
      {progress && <p role="status">{t('team.settings.progress', { done: progress.done, total: progress.total ?? '…' })}</p>}
      {error && <p role="alert" className="setting__error">{errorText(error)}</p>}
    </form>
  );
}
