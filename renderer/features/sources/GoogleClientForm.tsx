import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';

/** Where the owner enters their own Google OAuth client (desktop type): when the environment gives none, or under Advanced in a published build. */
export function GoogleClientForm({ onSaved, hint }: { onSaved: () => void; hint?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const idField = useId();
  const secretField = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('google.setClient', { clientId, clientSecret });
      onSaved();
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="client-form" onSubmit={(e) => void save(e)}>
      <p className="source__hint">{hint ?? t('sources.google.notConfigured')}</p>
      <label className="client-form__label" htmlFor={idField}>
        {t('sources.google.clientId')}
      </label>
      <input id={idField} className="client-form__input" value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} required />
      <label className="client-form__label" htmlFor={secretField}>
        {t('sources.google.clientSecret')}
      </label>
      <input id={secretField} className="client-form__input" type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
      <button type="submit" className="btn btn--secondary" disabled={busy || clientId.trim() === ''}>
        {t('sources.google.saveClient')}
      </button>
      {error && <ErrorState error={error} onRetry={() => setError(null)} compact />}
    </form>
  );
}
