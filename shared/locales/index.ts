import composerEn from './composer.en.json';
import composerNl from './composer.nl.json';
import en from './en.json';
import nl from './nl.json';
import habitsEn from './habits.en.json';
import habitsNl from './habits.nl.json';
import settingsEn from './settings.en.json';
import settingsNl from './settings.nl.json';
import inboxEn from './inbox.en.json';
import inboxNl from './inbox.nl.json';
import outboxEn from './outbox.en.json';
import outboxNl from './outbox.nl.json';
import dashboardEn from './dashboard.en.json';
import dashboardNl from './dashboard.nl.json';
import sourcesEn from './sources.en.json';
import sourcesNl from './sources.nl.json';
import playEn from './play.en.json';
import playNl from './play.nl.json';
import teamEn from './team.en.json';
import teamNl from './team.nl.json';
import desktopEn from './desktop.en.json';
import desktopNl from './desktop.nl.json';
import demoEn from './demo.en.json';
import demoNl from './demo.nl.json';

/**
 * The UI strings. Each area of the app keeps its strings in a pair of files
 * of its own (`<area>.en.json`, `<area>.nl.json`, the same keys in both);
 * add the pair to `parts` below. Parts merge deeply into the core files, so an
 * area may add a key under a shared group (e.g. `nav.dashboard`), but a key
 * defined twice is an error.
 */
export type LocaleTree = { [key: string]: string | LocaleTree };

const parts: { en: LocaleTree; nl: LocaleTree; name: string }[] = [
  { name: 'settings', en: settingsEn, nl: settingsNl },
  { en: inboxEn, nl: inboxNl, name: 'inbox' },
  { en: outboxEn, nl: outboxNl, name: 'outbox' },
  { name: 'habits', en: habitsEn, nl: habitsNl },
  { name: 'composer', en: composerEn, nl: composerNl },
  { en: dashboardEn, nl: dashboardNl, name: 'dashboard' },
  { en: sourcesEn, nl: sourcesNl, name: 'sources' },
  { en: playEn, nl: playNl, name: 'play' },
  { en: teamEn, nl: teamNl, name: 'team' },
  { en: desktopEn, nl: desktopNl, name: 'desktop' },
  { en: demoEn, nl: demoNl, name: 'demo' },
];

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

function build(lang: 'en' | 'nl', core: LocaleTree): LocaleTree {
  const tree: LocaleTree = structuredClone(core);
  for (const part of parts) mergeInto(tree, part[lang], `${part.name}.${lang}.json`);
  return tree;
}

export const locales: { en: LocaleTree; nl: LocaleTree } = { en: build('en', en), nl: build('nl', nl) };
