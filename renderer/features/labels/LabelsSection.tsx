import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Label } from '../../../shared/domain/label';
import { LABEL_COLOURS } from '../../../shared/labels/label-schema';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { InlineError } from './InlineError';
import { RulesEditor } from './RulesEditor';
import { useLabels } from './useLabels';

/** Settings → Labels: the label definitions (name, colour) and the auto-label rules. */
export function LabelsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const labels = useLabels();
  const [error, setError] = useState<KalmError | null>(null);
  const [name, setName] = useState('');
  const list = labels.data?.labels ?? [];
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      labels.reload();
      return true;
    } catch (err) {
      setError(toKalmError(err));
      return false;
    }
  };
  const save = (label: Label, patch: Partial<Pick<Label, 'name' | 'color'>>) =>
    run(() => api.call('labels.save', { id: label.id, name: patch.name ?? label.name, color: patch.color ?? label.color }));
  const add = async () => {
    if (name.trim() === '') return;
    const color = LABEL_COLOURS[list.length % LABEL_COLOURS.length] ?? '#475569';
    if (await run(() => api.call('labels.save', { name: name.trim(), color }))) setName('');
  };

  return (
    <>
      <p className="setting__hint">{t('labels.intro')}</p>
      <ul className="label-defs" aria-label={t('labels.title')}>
        {list.map((l) => (
          <li key={l.id} className="label-defs__row">
            <input
              type="color"
              className="label-defs__colour"
              aria-label={t('labels.colourOf', { name: l.name })}
              defaultValue={l.color}
              onBlur={(e) => e.target.value !== l.color && void save(l, { color: e.target.value })}
            />
            <input
              className="setting__input label-defs__name"
              aria-label={t('labels.nameOf', { name: l.name })}
              defaultValue={l.name}
              maxLength={60}
              onBlur={(e) => e.target.value.trim() !== l.name && e.target.value.trim() !== '' && void save(l, { name: e.target.value })}
            />
            <span className="muted label-defs__count">{t('labels.count', { count: labels.data?.counts[l.id] ?? 0 })}</span>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => window.confirm(t('labels.confirmDelete', { name: l.name })) && void run(() => api.call('labels.delete', { id: l.id }))}
            >
              {t('labels.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="setting setting--inline"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input className="setting__input" aria-label={t('labels.newName')} placeholder={t('labels.newName')} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn btn--secondary" disabled={name.trim() === ''}>
          {t('labels.add')}
        </button>
      </form>
      <InlineError error={error} />
      {labels.data && <RulesEditor labels={list} rules={labels.data.rules} onSaved={labels.reload} />}
    </>
  );
}
