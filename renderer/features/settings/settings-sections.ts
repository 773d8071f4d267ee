import type { ComponentType } from 'react';
import { LabelsSection } from '../labels/LabelsSection';
import { AlertsSection } from './AlertsSection';
import { DataSection } from './DataSection';
import { GeneralSection } from './GeneralSection';
import { TargetsSection } from './TargetsSection';
import { TeamSection } from './TeamSection';
import { ReplyToneSection } from './ReplyToneSection';
import { TeamWorkspaceSection } from '../team/TeamWorkspaceSection';
import type { SettingsSectionProps } from './section-props';

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
  // — working habits (issue 10) —
  {
    id: 'targets',
    titleKey: 'habits.targets.title',
    searchKeys: ['habits.targets.source.google', 'habits.targets.source.play', 'habits.targets.source.import', 'habits.targets.businessHours', 'habits.targets.timeZone'],
    Component: TargetsSection,
  },
  { id: 'team', titleKey: 'habits.team.title', searchKeys: ['habits.team.departments', 'habits.team.members', 'habits.team.thisIsMe'], Component: TeamSection },
  { id: 'labels', titleKey: 'habits.labels.title', searchKeys: ['habits.rules.title', 'habits.labels.newName'], Component: LabelsSection },
  { id: 'alerts', titleKey: 'habits.alerts.title', searchKeys: ['habits.alerts.threshold', 'habits.alerts.interval', 'habits.alerts.startAtLogin', 'habits.alerts.browser'], Component: AlertsSection },
  { id: 'data', titleKey: 'habits.data.title', searchKeys: ['habits.data.folder', 'habits.data.backup', 'habits.data.open', 'settings.support.openLogs', 'settings.support.copyDiagnostics'], Component: DataSection },
  // — team workspace (issue 20) —
  {
    id: 'team-workspace',
    titleKey: 'team.settings.title',
    searchKeys: ['team.settings.server', 'team.settings.db', 'team.settings.join', 'team.settings.create', 'team.settings.leave'],
    Component: TeamWorkspaceSection,
  },
];
