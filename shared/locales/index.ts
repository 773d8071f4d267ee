import appEn from './app.en.json';
import appNl from './app.nl.json';
import inboxEn from './inbox.en.json';
import inboxNl from './inbox.nl.json';
import composerEn from './composer.en.json';
import composerNl from './composer.nl.json';
import outboxEn from './outbox.en.json';
import outboxNl from './outbox.nl.json';
import dashboardEn from './dashboard.en.json';
import dashboardNl from './dashboard.nl.json';
import sourcesEn from './sources.en.json';
import sourcesNl from './sources.nl.json';
import playEn from './play.en.json';
import playNl from './play.nl.json';
import labelsEn from './labels.en.json';
import labelsNl from './labels.nl.json';
import handoffEn from './handoff.en.json';
import handoffNl from './handoff.nl.json';
import targetsEn from './targets.en.json';
import targetsNl from './targets.nl.json';
import alertsEn from './alerts.en.json';
import alertsNl from './alerts.nl.json';
import backgroundEn from './background.en.json';
import backgroundNl from './background.nl.json';
import backupEn from './backup.en.json';
import backupNl from './backup.nl.json';
import dataFolderEn from './data-folder.en.json';
import dataFolderNl from './data-folder.nl.json';
import settingsEn from './settings.en.json';
import settingsNl from './settings.nl.json';
import teamEn from './team.en.json';
import teamNl from './team.nl.json';
import desktopEn from './desktop.en.json';
import desktopNl from './desktop.nl.json';
import demoEn from './demo.en.json';
import demoNl from './demo.nl.json';

/**
 * The UI strings. Each area of the app keeps its strings in a pair of files of its own (`<area>.en.json`,
 * `<area>.nl.json`, the same keys in both; `app.*` holds the shell: workspace, inbox list, review detail,
 * errors, navigation); add the pair to `parts` below and its English file to `UiStrings`. Parts merge
 * deeply, so an area may add a key under a shared group (e.g. `nav.dashboard`), but a key defined twice is
 * an error.
 */
export type LocaleTree = { [key: string]: string | LocaleTree };

/** The shape of the English strings: what i18next's `CustomTypeOptions` (./i18next.d.ts) checks every key against. */
export type UiStrings = typeof appEn &
  typeof inboxEn &
  typeof composerEn &
  typeof outboxEn &
  typeof dashboardEn &
  typeof sourcesEn &
  typeof playEn &
  typeof labelsEn &
  typeof handoffEn &
  typeof targetsEn &
  typeof alertsEn &
  typeof backgroundEn &
  typeof backupEn &
  typeof dataFolderEn &
  typeof settingsEn &
  typeof teamEn &
  typeof desktopEn &
  typeof demoEn;

const parts: { name: string; en: LocaleTree; nl: LocaleTree }[] = [
  { name: 'app', en: appEn, nl: appNl },
  { name: 'inbox', en: inboxEn, nl: inboxNl },
  { name: 'composer', en: composerEn, nl: composerNl },
  { name: 'outbox', en: outboxEn, nl: outboxNl },
  { name: 'dashboard', en: dashboardEn, nl: dashboardNl },
  { name: 'sources', en: sourcesEn, nl: sourcesNl },
  { name: 'play', en: playEn, nl: playNl },
  { name: 'labels', en: labelsEn, nl: labelsNl },
  { name: 'handoff', en: handoffEn, nl: handoffNl },
  { name: 'targets', en: targetsEn, nl: targetsNl },
  { name: 'alerts', en: alertsEn, nl: alertsNl },
  { name: 'background', en: backgroundEn, nl: backgroundNl },
  { name: 'backup', en: backupEn, nl: backupNl },
  { name: 'data-folder', en: dataFolderEn, nl: dataFolderNl },
  { name: 'settings', en: settingsEn, nl: settingsNl },
  { name: 'team', en: teamEn, nl: teamNl },
  { name: 'desktop', en: desktopEn, nl: desktopNl },
  { name: 'demo', en: demoEn, nl: demoNl },
];

/** The locale files by name (`<name>.<lang>.json`), for the tests that check each file. */
export const localeParts: readonly { name: string; en: LocaleTree; nl: LocaleTree }[] = parts;

function mergeInto(target: LocaleTree, source: LocaleTree, where: string, path = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (typeof value === 'string') {
      if (existing !== undefined) throw new Error(`Locale key ${at} is defined twice (again in ${where})`);
      target[key] = value;
    } else {
      if (typeof existing === 'string') throw new Error(`Locale key ${at} is a string and a group (${where})`);
      const group: LocaleTree = existing ?? {};
      target[key] = group;
      mergeInto(group, value, where, at);
    }
  }
}

function build(lang: 'en' | 'nl'): LocaleTree {
  const tree: LocaleTree = {};
  for (const part of parts) mergeInto(tree, structuredClone(part[lang]), `${part.name}.${lang}.json`);
  return tree;
}

export const locales: { en: LocaleTree; nl: LocaleTree } = { en: build('en'), nl: build('nl') };
