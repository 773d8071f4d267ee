import { memo, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import type { Location } from '../../../shared/domain/location';
import type { Source } from '../../../shared/domain/source';
import type { ReviewFacets } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { URL_SORTS, type InboxFilters, type UrlSort } from '../../lib/route';
import { AssignedToMeChip } from '../handoff/AssignedToMeFilter';
import { DateField } from './DateField';
import { LabelFilter } from './LabelFilter';
import { LocationFilter } from './LocationFilter';

/** What the filters show and choose from (the inbox header passes it through to the bar). */
export interface FilterChoices {
  filters: InboxFilters;
  sources: readonly Source[];
  locations: readonly Location[];
  facets: ReviewFacets | null;
  /** Label definitions by id (names and colours). */
  labels: ReadonlyMap<string, Label>;
  /** The team member "assigned to me" means; null when none is set in Settings, undefined while loading. */
  me: string | null | undefined;
}

interface FilterBarProps extends FilterChoices {
  overdueCount: number | null;
  onChange: (patch: Partial<InboxFilters>) => void;
}

const SORTS = Object.keys(URL_SORTS) as UrlSort[];

const NO_LABEL_COUNTS: ReviewFacets['labels'] = [];

/** Order, source, location, labels, language, dates, "overdue only" and "assigned to me". */
export const FilterBar = memo(function FilterBar({ filters, sources, locations, facets, labels, me, overdueCount, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const id = useId();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([lang], { type: 'language' });
    } catch {
      return null;
    }
  }, [lang]);
  const onLabels = useCallback((ids: string[]) => onChange({ labels: ids }), [onChange]);
  const { mine } = filters;
  const onMine = useCallback(() => onChange({ mine: !mine }), [onChange, mine]);
  const languageName = (tag: string): string => {
    try {
      return names?.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  const languages = facets?.languages ?? [];
  return (
    <div className="filters">
      <label className="field">
        <span className="sr-only">{t('inbox.filters.sort')}</span>
        <select className="input" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as UrlSort })}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`inbox.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {sources.length > 1 && (
        <label className="field">
          <span className="sr-only">{t('inbox.filters.source')}</span>
          <select className="input" value={filters.sources[0] ?? ''} onChange={(e) => onChange({ sources: e.target.value === '' ? [] : [e.target.value] })}>
            <option value="">{t('inbox.filters.allSources')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {locations.length > 1 && <LocationFilter locations={locations} selected={filters.locations} onChange={(ids) => onChange({ locations: ids })} />}
      <LabelFilter labels={labels} counts={facets?.labels ?? NO_LABEL_COUNTS} selected={filters.labels} onChange={onLabels} />
      {languages.length > 0 && (
        <label className="field">
          <span className="sr-only">{t('inbox.filters.language')}</span>
          <select className="input" value={filters.lang ?? ''} onChange={(e) => onChange({ lang: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('inbox.filters.allLanguages')}</option>
            {languages.map((l) => (
              <option key={l.tag} value={l.tag}>
                {languageName(l.tag)} ({formatCount(l.count, lang)})
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="field field--dates" role="group" aria-labelledby={`${id}-dates`}>
        <span id={`${id}-dates`} className="field__inline">
          {t('inbox.filters.dates')}
        </span>
        <DateField
          label={t('inbox.filters.from')}
          locale={lang}
          value={filters.from}
          max={filters.to}
          onChange={(from) => onChange({ from })}
        />
        <DateField
          label={t('inbox.filters.to')}
          locale={lang}
          value={filters.to}
          min={filters.from}
          onChange={(to) => onChange({ to })}
        />
      </div>
      <button type="button" className="chip chip--overdue" aria-pressed={filters.overdue} onClick={() => onChange({ overdue: !filters.overdue })}>
        {t('inbox.filters.overdue')}
        {overdueCount !== null && <span className="chip__count">{formatCount(overdueCount, lang)}</span>}
      </button>
      <AssignedToMeChip me={me} on={filters.mine} onToggle={onMine} />
    </div>
  );
});
