import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/location';
import { foldText } from '../../../shared/reviews/text-match';
import { FilterPopover } from '../../components/FilterPopover';

/** Shown at once; typing narrows a chain's hundreds of locations. */
const MAX_SHOWN = 60;

interface LocationFilterProps {
  locations: readonly Location[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/** A button that opens a searchable list of locations with checkboxes (several may be chosen). */
export function LocationFilter({ locations, selected, onChange }: LocationFilterProps) {
  const { t } = useTranslation();
  const [find, setFind] = useState('');
  const byId = useMemo(() => new Map(locations.map((l) => [l.id, l])), [locations]);
  const matches = useMemo(() => {
    const want = foldText(find.trim());
    return want === '' ? locations : locations.filter((l) => foldText(`${l.name} ${l.address ?? ''} ${l.storeCode ?? ''}`).includes(want));
  }, [locations, find]);

  const first = selected[0];
  const label =
    selected.length === 0
      ? t('inbox.filters.allLocations')
      : selected.length === 1 && first !== undefined
        ? (byId.get(first)?.name ?? t('review.unknownLocation'))
        : t('inbox.filters.locationsChosen', { count: selected.length });
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <FilterPopover what={t('inbox.filters.location')} summary={label} active={selected.length > 0} panelLabel={t('inbox.filters.location')} focus='input[type="search"]'>
      {(ids) => (
        <>
          <label htmlFor={`${ids}-find`} className="sr-only">
            {t('inbox.filters.findLocation')}
          </label>
          <input
            id={`${ids}-find`}
            type="search"
            className="input"
            placeholder={t('inbox.filters.findLocation')}
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
          <ul className="popover__list">
            {matches.slice(0, MAX_SHOWN).map((l) => (
              <li key={`${l.source}:${l.id}`}>
                <label className="check">
                  <input type="checkbox" checked={selected.includes(l.id)} onChange={() => toggle(l.id)} />
                  <span>{l.name}</span>
                </label>
              </li>
            ))}
          </ul>
          <p className="popover__note" role="status">
            {matches.length > MAX_SHOWN
              ? t('inbox.filters.moreLocations', { shown: MAX_SHOWN, count: matches.length })
              : matches.length === 0
                ? t('inbox.filters.noLocation')
                : ''}
          </p>
          {selected.length > 0 && (
            <button type="button" className="btn btn--ghost" onClick={() => onChange([])}>
              {t('inbox.filters.allLocations')}
            </button>
          )}
        </>
      )}
    </FilterPopover>
  );
}
