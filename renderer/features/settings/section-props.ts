import type { Settings, SettingsPatch } from '../../../shared/domain/settings';

/** What every section of the Settings view gets (settings-sections.ts lists the sections). */
export interface SettingsSectionProps {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<boolean>;
  /** Shows a value the core accepted from a field's own save at once (so a switch never flips back meanwhile). */
  accept?: (value: Settings) => void;
}
