import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KalmError } from '../../../shared/domain/errors';
import { MAX_KEY_FILE_CHARS, type ServiceAccountInfo } from '../../../shared/play/service-account';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { useBusyAction } from '../../hooks/useBusyAction';

interface PlayCardKeyProps {
  /** The package name typed in the card above (the app the key is for). */
  packageName: string;
  serviceAccount: ServiceAccountInfo | null;
  onChanged: () => void;
}

/**
 * Sources → Google Play → "use a service-account key": choose the JSON key file Google Cloud downloaded
 * (or paste it). The core checks it (fields, then a token from Google) and keeps it like the Google sign-in;
 * the key's text is only read here and sent once, never shown.
 */
export function PlayCardKey({ packageName, serviceAccount, onChanged }: PlayCardKeyProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const action = useBusyAction<'key' | 'forget'>(onChanged);
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [pasted, setPasted] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const busy = action.busy !== null;
  const key = text !== '' ? text : pasted.trim();

  const choose = (file: File | undefined) => {
    action.clearError();
    setDone(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_KEY_FILE_CHARS * 4) {
      setText('');
      void action.run('key', () => Promise.reject(new KalmError('invalid_input', t('play.key.tooBig'))));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setText(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => setText('');
    reader.readAsText(file);
  };

  const use = () =>
    void action.run('key', async () => {
      const { serviceAccount: sa } = await api.call('play.connectKey', { packageName: packageName.trim(), key });
      setDone(sa.clientEmail);
      setText('');
      setPasted('');
      setFileName(null);
    });

  const form = (
    <div className="client-form">
      <label className="btn btn--secondary play-key__choose">
        {t('play.key.file')}
        <input type="file" className="sr-only" accept=".json,application/json" onChange={(e) => choose(e.target.files?.[0])} />
      </label>
      {fileName && <p className="play-key__file">{fileName}</p>}
      <label className="client-form__label" htmlFor={`${ids}-paste`}>{t('play.key.paste')}</label>
      <textarea id={`${ids}-paste`} className="client-form__input play-key__paste" rows={3} spellCheck={false} autoComplete="off"
        value={pasted} disabled={text !== ''} onChange={(e) => setPasted(e.target.value)} placeholder='{"type": "service_account", …}' />
      <button type="button" className="btn btn--primary" disabled={busy || key === '' || packageName.trim() === ''} onClick={use}>
        {action.busy === 'key' ? t('play.key.checking') : t('play.key.use')}
      </button>
      {packageName.trim() === '' && key !== '' && <p className="source__hint">{t('play.key.needPackage')}</p>}
    </div>
  );

  return (
    <div className="play-key">
      {serviceAccount ? (
        <>
          <p className="play-key__who">
            {t('play.key.signedInAs')} <code>{serviceAccount.clientEmail}</code>{' '}
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => void action.run('forget', () => api.call('play.forgetKey', {}))}>
              {t('play.key.forget')}
            </button>
          </p>
          <details className="play-key__other">
            <summary>{t('play.key.another')}</summary>
            {form}
          </details>
        </>
      ) : (
        <>
          <h3 className="play-key__title">{t('play.key.title')}</h3>
          <p className="source__hint">{t('play.key.explain')}</p>
          {form}
        </>
      )}
      {done && <p className="source__result" role="status">{t('play.key.connected', { email: done })}</p>}
      {action.error && <ErrorState error={action.error} onRetry={action.clearError} compact />}
    </div>
  );
}
