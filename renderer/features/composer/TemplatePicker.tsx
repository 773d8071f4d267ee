import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { ReplyLanguage } from '../../../shared/reply/lint';
import { searchTemplates, type ReplyTemplate, type TemplateBand } from '../../../shared/reply/templates';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { Popover } from '../../components/Popover';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';

interface TemplatePickerProps {
  lang: ReplyLanguage;
  band: Exclude<TemplateBand, 'any'>;
  /** The current reply, offered to save as a template. */
  text: string;
  disabled: boolean;
  onUse: (template: ReplyTemplate) => void;
}

/** The owner's templates and Kalm's starters in a popover: search, use (a rotated variant), save the current reply, delete. */
export function TemplatePicker({ lang, band, text, disabled, onUse }: TemplatePickerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<KalmError | null>(null);
  // A team member's template arrives (or goes) while the picker is open: `templates.changed` reloads the list.
  const list = useCall('templates.list', {}, 'templates.changed');
  // A starter's name is `builtin.<band>` (builtInTemplates); the contract only knows it as a string.
  const label = (tpl: ReplyTemplate): string => (tpl.builtIn ? t(`composer.templates.${tpl.name}` as `composer.templates.builtin.${Exclude<TemplateBand, 'any'>}`) : tpl.name);
  const shown = list.data ? searchTemplates(list.data.templates, query, { lang, band }, label) : [];
  const own = shown.filter((tpl) => !tpl.builtIn);

  const run = (p: Promise<unknown>, done: string | null) => {
    setError(null);
    p.then(
      () => {
        setNote(done);
        list.reload();
      },
      (err: unknown) => setError(toKalmError(err)),
    );
  };
  const save = () => {
    const existing = own.find((tpl) => tpl.id === target);
    if (existing) run(api.call('templates.save', { id: existing.id, name: existing.name, lang: existing.lang, band: existing.band, variants: [...existing.variants, text].slice(-10) }), t('composer.templates.saved', { name: existing.name }));
    else run(api.call('templates.save', { name: name.trim(), lang, band, variants: [text] }), t('composer.templates.saved', { name: name.trim() }));
    setName('');
  };

  return (
    <Popover
      className="popover-anchor"
      buttonClassName="btn btn--ghost"
      button={t('composer.templates.button')}
      panelClassName="templates"
      panelLabel={t('composer.templates.title')}
      panelRole="region"
      focus="input[type=search]"
    >
      {() => (
        <>
            <input type="search" className="setting__input" aria-label={t('composer.templates.search')} placeholder={t('composer.templates.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
            {list.error && <ErrorState compact error={list.error} onRetry={list.reload} />}
            {list.data && shown.length === 0 && <p className="composer__muted">{t('composer.templates.empty')}</p>}
            <ul className="templates__list">
              {shown.map((tpl) => (
                <li key={tpl.id} className="templates__item">
                  <div className="templates__text">
                    <span className="templates__name">{label(tpl)}</span>
                    <span className="composer__muted">
                      {tpl.builtIn ? `${t('composer.templates.builtIn')} · ` : ''}
                      {t('composer.templates.variants', { count: tpl.variants.length })}
                    </span>
                    <span className="templates__preview">{tpl.variants[0]}</span>
                  </div>
                  <button type="button" className="btn btn--secondary" disabled={disabled} onClick={() => onUse(tpl)}>
                    {t('composer.templates.use')}
                  </button>
                  {!tpl.builtIn && (
                    <button type="button" className="btn btn--ghost" onClick={() => run(api.call('templates.delete', { id: tpl.id }), null)}>
                      {t('composer.templates.delete')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {text.trim() !== '' && (
              <form
                className="templates__save"
                onSubmit={(e) => {
                  e.preventDefault();
                  save();
                }}
              >
                <p className="templates__name">{t('composer.templates.saveTitle')}</p>
                {own.length > 0 && (
                  <label className="templates__row">
                    {t('composer.templates.addVariant')}
                    <select className="setting__input" value={target} onChange={(e) => setTarget(e.target.value)}>
                      <option value="">{t('composer.templates.newTemplate')}</option>
                      {own.map((tpl) => (
                        <option key={tpl.id} value={tpl.id}>
                          {tpl.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {target === '' && <input className="setting__input" aria-label={t('composer.templates.name')} placeholder={t('composer.templates.name')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
                <button type="submit" className="btn btn--secondary" disabled={target === '' && name.trim() === ''}>
                  {t('composer.templates.save')}
                </button>
                <p className="composer__muted">{t('composer.templates.hint')}</p>
              </form>
            )}
            <p role="status" className="composer__muted">
              {note}
            </p>
            {error && <ErrorState compact error={error} onRetry={() => setError(null)} />}
        </>
      )}
    </Popover>
  );
}
