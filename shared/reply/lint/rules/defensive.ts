/** Defensive or arguing phrases: "that is not true", "you are wrong", "dat klopt niet", "u had moeten…". */
import { anyOf, findAll } from '../match';
import type { LintRule } from '../types';

const en = anyOf([
  "that(?:'s| is| was)(?: simply| just| absolutely| completely)? (?:not |un)true",
  "(?:this|that)(?: simply)? (?:never|did not|didn't) happen(?:ed)?",
  "you(?:'re| are| were) (?:wrong|mistaken|lying)",
  "you(?: must| should| could) have (?:known|read|asked|checked|told|called|seen)",
  'if you had (?:only )?(?:read|asked|checked|told|called|listened)',
  'with all (?:due )?respect',
  'as (?:you|anyone) (?:should|could|would) know',
  'you clearly (?:did not|didn\'t|do not|don\'t|never)',
  'in (?:our|my) defen[cs]e',
  'we are not to blame',
  "(?:it was|it's) not our fault",
]);

const nl = anyOf([
  '(?:dat|dit|het) is (?:gewoon |echt |helemaal |absoluut |simpelweg )?(?:niet waar|onwaar|onzin|een leugen)',
  '(?:dat|dit) klopt (?:gewoon |echt |helemaal |absoluut |simpelweg )?niet(?! met| zoals| hoe| bij)',
  '(?:u|je|jij) (?:had|hadden) (?:beter |eerst |gewoon |ook )?(?:moeten|kunnen)',
  '(?:u heeft|u hebt|je hebt|jij hebt) het (?:mis|fout)',
  '(?:u vergist zich|je vergist je|jij vergist je)',
  'dat is (?:echt |gewoon )?niet (?:zo|eerlijk)',
  'met alle respect',
  'wij zijn niet (?:schuldig|verantwoordelijk)',
  'het is niet onze schuld',
  'als (?:u|je|jij) (?:had|beter had) (?:gelezen|gevraagd|opgelet|gebeld|geluisterd)',
]);

export const defensiveRule: LintRule = {
  id: 'defensive',
  check: (text, { lang }) => findAll(text, lang === 'nl' ? nl : en, { rule: 'defensive', severity: 'error', key: 'defensive' }),
};
