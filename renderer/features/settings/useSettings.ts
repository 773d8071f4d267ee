import { useCallback, useState } from 'react';
import type { KalmError } from '../../../shared/domain/errors';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';

export interface SettingsHandle {
  /** null while loading. */
  settings: Settings | null;
  loadError: KalmError | null;
  /** Saves some fields; resolves false (and sets `saveError`) when the core refuses. */
  save: (patch: SettingsPatch) => Promise<boolean>;
  saveError: KalmError | null;
  /** Shows what the core returned from a save made elsewhere (a field's own hook) at once, until the re-read. */
  accept: (value: Settings) => void;
  reload: () => void;
}

/** The user's settings, kept fresh through `settings.changed` (another window may change them). */
export function useSettings(): SettingsHandle {
  const api = useApi();
  const state = useCall('settings.get', {}, 'settings.changed');
  const [saveError, setSaveError] = useState<KalmError | null>(null);
  // What the core returned from the last save: shown at once, so a ticked box never flips back while the re-read runs.
  const [accepted, setAccepted] = useState<{ after: Settings | null; value: Settings } | null>(null);
  const { reload } = state;
  const save = useCallback(
    async (patch: SettingsPatch): Promise<boolean> => {
      try {
        const value = await api.call('settings.update', patch);
        setAccepted({ after: state.data, value });
        setSaveError(null);
        reload();
        return true;
      } catch (err) {
        setSaveError(toKalmError(err));
        return false;
      }
    },
    [api, reload, state.data],
  );
  const accept = useCallback(
    (value: Settings) => {
      setAccepted({ after: state.data, value });
      reload();
    },
    [reload, state.data],
  );
  // Until the next read arrives (a newer `state.data`), the accepted value is the truth.
  const settings = accepted !== null && accepted.after === state.data ? accepted.value : state.data;
  return { settings, loadError: state.error, save, saveError, accept, reload };
}
