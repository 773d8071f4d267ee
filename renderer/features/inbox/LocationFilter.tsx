import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/location';
import { foldText } from '../../../shared/reviews/text-match';

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
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const ids = useId();
  const box = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map(locations.map((l) => [l.id, l])), [locations]);
  const matches = useMemo(() => {
    const want = foldText(find.trim());
    const list = want === '' ? locations : locations.filter((l) => foldText(`${l.name} ${l.address ?? ''} ${l.storeCode ?? ''}`).includes(want));
    return list;
  }, [locations, find]);

  useEffect(() => {
    if (!open) return undefined;
    searchRef.current?.focus();
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const first = selected[0];
  const label =
    selected.length === 0
      ? t('inbox.filters.allLocations')
      : selected.length === 1 && first !== undefined
        ? (byId.get(first)?.name ?? t('review.unknownLocation'))
        : t('inbox.filters.locationsChosen', { count: selected.length });
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <div
      className="popover-anchor"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          box.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className={`select-button${selected.length > 0 ? ' select-button--on' : ''}`}
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="select-button__what">{t('inbox.filters.location')}</span> {label}
      </button>
      {open && (
        <div id={`${ids}-panel`} className="popover" role="group" aria-label={t('inbox.filters.location')}>
          <label htmlFor={`${ids}-find`} className="sr-only">
            {t('inbox.filters.findLocation')}
          </label>
          <input
            ref={searchRef}
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
        </div>
      )}
    </div>
  );
}
