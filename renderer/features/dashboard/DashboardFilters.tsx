import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/location';
import type { Source } from '../../../shared/domain/source';
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './period';

export interface Scope {
  locationId: string;
  source: string;
}

interface Props {
  period: PeriodChoice;
  onPeriod: (p: PeriodChoice) => void;
  scope: Scope;
  onScope: (s: Scope) => void;
  locations: readonly Location[];
  sources: readonly Source[];
  /** The custom range cannot be used (incomplete or backwards). */
  invalidRange: boolean;
}

/** Period picker (30 days, 90 days, 12 months, all, custom dates) and the location and source filters. */
export function DashboardFilters({ period, onPeriod, scope, onScope, locations, sources, invalidRange }: Props) {
  const { t } = useTranslation();
  const shownLocations = scope.source === '' ? locations : locations.filter((l) => l.source === scope.source);
  return (
    <div className="dash-filters">
      <div className="dash-field" role="radiogroup" aria-label={t('dashboard.period.label')}>
        <span aria-hidden="true">{t('dashboard.period.label')}</span>
        <div className="dash-chips">
          {PERIOD_KINDS.map((k: PeriodKind) => (
            <button key={k} type="button" role="radio" aria-checked={period.kind === k} className="dash-chip" onClick={() => onPeriod({ ...period, kind: k })}>
              {t(`dashboard.period.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {period.kind === 'custom' && (
        <div className="dash-range">
          <label className="dash-field">
            <span>{t('dashboard.period.from')}</span>
            <input type="date" value={period.from} max={period.to || undefined} onChange={(e) => onPeriod({ ...period, from: e.target.value })} aria-invalid={invalidRange || undefined} />
          </label>
          <label className="dash-field">
            <span>{t('dashboard.period.to')}</span>
            <input type="date" value={period.to} min={period.from || undefined} onChange={(e) => onPeriod({ ...period, to: e.target.value })} aria-invalid={invalidRange || undefined} />
          </label>
          {invalidRange && <p role="alert" className="dash-range__error">{t('dashboard.period.invalid')}</p>}
        </div>
      )}
      <label className="dash-field">
        <span>{t('dashboard.filters.location')}</span>
        <select value={scope.locationId} onChange={(e) => onScope({ ...scope, locationId: e.target.value })}>
          <option value="">{t('dashboard.filters.allLocations', { count: locations.length })}</option>
          {shownLocations.map((l) => (
            <option key={`${l.source}:${l.id}`} value={l.id}>{l.name}</option>
          ))}
        </select>
      </label>
      {sources.length > 1 && (
        <label className="dash-field">
          <span>{t('dashboard.filters.source')}</span>
          <select value={scope.source} onChange={(e) => onScope({ locationId: '', source: e.target.value })}>
            <option value="">{t('dashboard.filters.allSources')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
