import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import type { ReviewFacets } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { FilterPopover } from '../../components/FilterPopover';

interface LabelFilterProps {
  /** The label definitions (labels.json) by id. */
  labels: ReadonlyMap<string, Label>;
  /** How many reviews carry each label id, most used first. */
  counts: ReviewFacets['labels'];
  /** Chosen label ids: a review with any of them is shown. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

interface Choice {
  id: string;
  name: string;
  color: string | null;
  count: number;
}

/** The labels to offer: the used ones (most used first), then the defined but unused ones; an id without a definition shows as itself. */
export function labelChoices(labels: ReadonlyMap<string, Label>, counts: ReviewFacets['labels'], selected: readonly string[]): Choice[] {
  const out = new Map<string, Choice>();
  const add = (id: string, count: number) => {
    if (out.has(id)) return;
    const def = labels.get(id);
    out.set(id, { id, name: def?.name ?? id, color: def?.color ?? null, count });
  };
  for (const c of counts) add(c.name, c.count);
  for (const def of [...labels.values()].sort((a, b) => a.name.localeCompare(b.name))) add(def.id, 0);
  for (const id of selected) add(id, 0);
  return [...out.values()];
}

/** A button that opens the labels as checkboxes with their counts; several may be chosen ("any of"). */
export const LabelFilter = memo(function LabelFilter({ labels, counts, selected, onChange }: LabelFilterProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const choices = useMemo(() => labelChoices(labels, counts, selected), [labels, counts, selected]);

  if (choices.length === 0) return null;
  const first = selected[0];
  const summary =
    selected.length === 0
      ? t('inbox.filters.allLabels')
      : selected.length === 1 && first !== undefined
        ? (labels.get(first)?.name ?? first)
        : t('inbox.labels.chosen', { count: selected.length });
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <FilterPopover what={t('inbox.filters.label')} summary={summary} active={selected.length > 0} panelLabel={t('inbox.labels.choose')} focus='input[type="checkbox"]'>
      {() => (
        <>
          <p className="popover__note">{t('inbox.labels.anyOf')}</p>
          <ul className="popover__list">
            {choices.map((c) => (
              <li key={c.id}>
                <label className="check">
                  <input type="checkbox" checked={selected.includes(c.id)} onChange={() => toggle(c.id)} />
                  <span className="label-chip__dot" style={{ background: c.color ?? 'var(--text-3)' }} aria-hidden="true" />
                  <span>{c.name}</span> <span className="check__count">({formatCount(c.count, lang)})</span>
                </label>
              </li>
            ))}
          </ul>
          {selected.length > 0 && (
            <button type="button" className="btn btn--ghost" onClick={() => onChange([])}>
              {t('inbox.filters.allLabels')}
            </button>
          )}
        </>
      )}
    </FilterPopover>
  );
});
