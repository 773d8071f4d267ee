import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Label } from '../../../shared/domain/label';
import type { LabelRule } from '../../../shared/labels/label-schema';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { InlineError } from './InlineError';
import { RuleRow } from './RuleRow';

let counter = 0;
const newRuleId = () => `rule-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The auto-label rules, in the order they run; edited here and saved together. */
export function RulesEditor({ labels, rules, onSaved }: { labels: readonly Label[]; rules: readonly LabelRule[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<LabelRule[]>(() => [...rules]);
  const [error, setError] = useState<KalmError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const change = (next: LabelRule[]) => {
    setDraft(next);
    setDirty(true);
    setStatus(null);
  };
  const move = (i: number, by: number) => {
    const next = [...draft];
    const [rule] = next.splice(i, 1);
    if (rule) next.splice(i + by, 0, rule);
    change(next);
  };
  const act = async (what: () => Promise<string>) => {
    try {
      setStatus(await what());
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  const save = () =>
    act(async () => {
      await api.call('labels.saveRules', { rules: draft });
      setDirty(false);
      onSaved();
      return t('labels.rules.saved');
    });
  const runNow = () => act(async () => t('labels.rules.ran', { count: (await api.call('labels.runRules', {})).changed }));
  const first = labels[0];

  return (
    <div className="rules">
      <h3 className="rules__title">{t('labels.rules.title')}</h3>
      <p className="setting__hint">{t('labels.rules.intro')}</p>
      {labels.length === 0 && <p className="muted">{t('labels.rules.needLabel')}</p>}
      <ol className="rules__list">
        {draft.map((rule, i) => (
          <RuleRow
            key={rule.id}
            index={i}
            rule={rule}
            labels={labels}
            last={i === draft.length - 1}
            onChange={(r) => change(draft.map((x, k) => (k === i ? r : x)))}
            onMove={(by) => move(i, by)}
            onRemove={() => change(draft.filter((_, k) => k !== i))}
          />
        ))}
      </ol>
      <div className="rules__actions">
        <button
          type="button"
          className="btn btn--secondary"
          disabled={!first}
          onClick={() => first && change([...draft, { id: newRuleId(), labelId: first.id, enabled: true, words: [], minRating: null, maxRating: null, sources: [], locationIds: [] }])}
        >
          {t('labels.rules.add')}
        </button>
        <button type="button" className="btn btn--primary" disabled={!dirty} onClick={() => void save()}>
          {t('labels.rules.save')}
        </button>
        <button type="button" className="btn btn--ghost" disabled={dirty || draft.length === 0} onClick={() => void runNow()}>
          {t('labels.rules.run')}
        </button>
        <span role="status" className="muted">{status}</span>
      </div>
      <InlineError error={error} />
    </div>
  );
}
