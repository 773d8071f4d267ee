import type { ComponentType } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { GeneralSection } from './GeneralSection';
import { ReplyToneSection } from './ReplyToneSection';

export interface SettingsSectionProps {
  settings: Settings;
  save: (patch: SettingsPatch) => Promise<boolean>;
}

export interface SettingsSection {
  id: string;
  /** i18n key of the section's heading. */
  titleKey: string;
  /** i18n keys of the labels inside, so the search finds a section by what it contains. */
  searchKeys: string[];
  Component: ComponentType<SettingsSectionProps>;
}

/** The sections of the Settings view, in order. Each area adds its own section here. */
export const settingsSections: SettingsSection[] = [
  {
    id: 'general',
    titleKey: 'settings.general.title',
    searchKeys: ['settings.general.businessName', 'settings.general.contact', 'settings.general.signer', 'settings.general.signature', 'language.label'],
    Component: GeneralSection,
  },
  {
    id: 'reply-tone',
    titleKey: 'composer.settings.title',
    searchKeys: ['composer.settings.formality', 'composer.settings.emoji', 'composer.settings.coolDown', 'composer.settings.coolDownSeconds'],
    Component: ReplyToneSection,
  },
];
