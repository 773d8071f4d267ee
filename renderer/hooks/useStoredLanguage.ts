import { useEffect } from 'react';
import { useApi } from '../api-context';
import { i18n, isLanguage, setLanguage } from '../i18n';
import { useCall } from './useCall';

/**
 * The UI language lives in settings.json (`language`), so every host — the
 * Electron window, the web host on any port or browser, the menu — shows the
 * same one. On first start (`null`) the OS/browser language decides and is
 * written down. A switch in another window arrives as `settings.changed`.
 */
export function useStoredLanguage(): void {
  const api = useApi();
  const settings = useCall('settings.get', {}, 'settings.changed');
  const stored = settings.status === 'ready' ? settings.data.language : undefined;
  useEffect(() => {
    if (stored === undefined) return;
    if (stored === null) {
      // First start: keep what the OS/browser chose, and remember it with the settings.
      const chosen = isLanguage(i18n.language) ? i18n.language : 'en';
      api.call('settings.update', { language: chosen }).catch(() => undefined); // read-only folder: the choice stays for this session
      return;
    }
    if (stored !== i18n.language) void setLanguage(stored);
  }, [api, stored]);
}

/** Switches the UI language and keeps the choice in settings.json (a read-only folder keeps it for this session). */
export async function chooseLanguage(api: ReturnType<typeof useApi>, lang: 'en' | 'nl'): Promise<void> {
  await setLanguage(lang);
  await api.call('settings.update', { language: lang }).catch(() => undefined);
}
