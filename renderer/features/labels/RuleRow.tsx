import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import type { LabelRule } from '../../../shared/labels/label-schema';
import { ruleHasCondition } from '../../../shared/labels/rules';
import { useApi } from '../../api-context';

interface RuleRowProps {
  index: number;
  rule: LabelRule;
  labels: readonly Label[];
  last: boolean;
  onChange: (rule: LabelRule) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

const RATINGS = [1, 2, 3, 4, 5] as const;
const splitWords = (s: string): string[] => s.split(',').map((w) => w.trim()).filter((w) => w !== '').slice(0, 50);

/** One rule: words, rating range and source → label, with a live count of the reviews it hits. */
export function RuleRow({ index, rule, labels, last, onChange, onMove, onRemove }: RuleRowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [words, setWords] = useState(rule.words.join(', '));
  const [preview, setPreview] = useState<{ matches: number; wouldAdd: number } | null>(null);
  const key = JSON.stringify(rule);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.call('labels.previewRule', { rule }).then((p) => live && setPreview(p), () => live && setPreview(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The rule's content decides the preview; its identity changes on every render of the parent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const n = index + 1;
  const rating = (v: string) => (v === '' ? null : Number(v));

  return (
    <li className="rule" aria-label={t('labels.rules.ruleN', { n })}>
      <div className="rule__fields">
        <label className="rule__field rule__field--words">
          <span>{t('labels.rules.words')}</span>
          <input
            className="setting__input"
            value={words}
            placeholder={t('labels.rules.wordsPlaceholder')}
            onChange={(e) => setWords(e.target.value)}
            onBlur={() => onChange({ ...rule, words: splitWords(words) })}
          />
        </label>
        <label className="rule__field">
          <span>{t('labels.rules.minRating')}</span>
          <select className="setting__input" value={rule.minRating ?? ''} onChange={(e) => onChange({ ...rule, minRating: rating(e.target.value) })}>
            <option value="">{t('labels.rules.any')}</option>
            {RATINGS.map((r) => <option key={r} value={r}>{`${r}★`}</option>)}
          </select>
        </label>
        <label className="rule__field">
          <span>{t('labels.rules.maxRating')}</span>
          <select className="setting__input" value={rule.maxRating ?? ''} onChange={(e) => onChange({ ...rule, maxRating: rating(e.target.value) })}>
            <option value="">{t('labels.rules.any')}</option>
            {RATINGS.map((r) => <option key={r} value={r}>{`${r}★`}</option>)}
          </select>
        </label>
        <label className="rule__field">
          <span>{t('labels.rules.source')}</span>
          <select className="setting__input" value={rule.sources[0] ?? ''} onChange={(e) => onChange({ ...rule, sources: e.target.value ? [e.target.value] : [] })}>
            <option value="">{t('labels.rules.any')}</option>
            <option value="google">Google</option>
            <option value="play">Google Play</option>
          </select>
        </label>
        <label className="rule__field">
          <span>{t('labels.rules.label')}</span>
          <select className="setting__input" value={rule.labelId} onChange={(e) => onChange({ ...rule, labelId: e.target.value })}>
            {labels.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
      </div>
      <div className="rule__foot">
        <label className="setting--inline">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} />
          {t('labels.rules.enabled')}
        </label>
        <span className="rule__preview" aria-live="polite">
          {!ruleHasCondition({ ...rule, words: splitWords(words) })
            ? t('labels.rules.noCondition')
            : preview && t('labels.rules.preview', { count: preview.matches, add: preview.wouldAdd })}
        </span>
        <button type="button" className="btn btn--ghost" disabled={index === 0} aria-label={t('labels.rules.up', { n })} onClick={() => onMove(-1)}>↑</button>
        <button type="button" className="btn btn--ghost" disabled={last} aria-label={t('labels.rules.down', { n })} onClick={() => onMove(1)}>↓</button>
        <button type="button" className="btn btn--ghost" onClick={onRemove}>{t('labels.rules.remove')}</button>
      </div>
    </li>
  );
}
