import type { ComponentType } from 'react';
import type { UiKey } from '../../../shared/locales/keys';
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
  titleKey: UiKey;
  /** i18n keys of the labels inside, so the search finds a section by what it contains. */
  searchKeys: UiKey[];
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
  // — targets, team, labels, alerts and the data folder —
  {
    id: 'targets',
    titleKey: 'targets.title',
    searchKeys: ['targets.source.google', 'targets.source.play', 'targets.source.import', 'targets.businessHours', 'targets.timeZone'],
    Component: TargetsSection,
  },
  { id: 'team', titleKey: 'handoff.team.title', searchKeys: ['handoff.team.departments', 'handoff.team.members', 'handoff.team.thisIsMe'], Component: TeamSection },
  { id: 'labels', titleKey: 'labels.title', searchKeys: ['labels.rules.title', 'labels.newName'], Component: LabelsSection },
  { id: 'alerts', titleKey: 'alerts.title', searchKeys: ['alerts.threshold', 'background.interval', 'background.startAtLogin', 'alerts.browser'], Component: AlertsSection },
  { id: 'data', titleKey: 'dataFolder.title', searchKeys: ['dataFolder.folder', 'backup.now', 'dataFolder.open', 'settings.support.openLogs', 'settings.support.copyDiagnostics'], Component: DataSection },
  // — team workspace —
  {
    id: 'team-workspace',
    titleKey: 'team.settings.title',
    searchKeys: ['team.settings.server', 'team.settings.db', 'team.settings.join', 'team.settings.create', 'team.settings.leave'],
    Component: TeamWorkspaceSection,
  },
];
