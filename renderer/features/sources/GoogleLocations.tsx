import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoogleStatus } from '../../../shared/sources/google-status';
import { useApi } from '../../api-context';

interface Props {
  status: GoogleStatus;
  disabled: boolean;
  onChanged: () => void;
}

/** The Google locations found in the owner's accounts, each with a switch: sync it or not. */
export function GoogleLocations({ status, disabled, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [saving, setSaving] = useState(false);
  if (status.locations.length === 0) return <p className="muted">{t('sources.google.noLocations')}</p>;

  const toggle = async (locationId: string, on: boolean): Promise<void> => {
    const selected = new Set(status.locations.filter((l) => l.selected).map((l) => l.locationId));
    if (on) selected.add(locationId);
    else selected.delete(locationId);
    setSaving(true);
    try {
      await api.call('google.selectLocations', { locationIds: [...selected] });
    } finally {
      setSaving(false);
      onChanged();
    }
  };

  return (
    <fieldset className="locations" disabled={disabled || saving}>
      <legend className="locations__legend">{t('sources.google.chooseLocations')}</legend>
      <ul className="locations__list">
        {status.locations.map((l) => (
          <li key={l.locationId} className="locations__item">
            <label className="locations__label">
              <input type="checkbox" checked={l.selected} onChange={(e) => void toggle(l.locationId, e.target.checked)} />
              <span className="locations__name">{l.name}</span>
              {l.address && <span className="locations__address">{l.address}</span>}
              <span className="locations__account">{l.accountDisplayName}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
