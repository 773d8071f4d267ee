/**
 * Apologies that put the problem on the reviewer: "sorry that you feel…", "sorry dat u ontevreden bent".
 * "Sorry we did not help you" is fine: the business is the subject there.
 */
import { anyOf, findAll } from '../match';
import type { LintRule } from '../types';

const enFeelings = "(?:feel|felt|think|thought|see it|perceive|are|were|'re|found|find|had the impression|got the impression)";
const enUpset = '(?:not (?:happy|satisfied|pleased)|unhappy|dissatisfied|disappointed|upset|angry|offended|unsatisfied)';
const en = anyOf([
  `(?:sorry|apologi[sz]e|regret)(?: to hear)?(?: that| if)? you ${enFeelings}(?: (?:so|that way|this way|like that|we))?(?:(?: [\\p{L}']+){0,2} ${enUpset})?`,
  `(?:sorry|apologi[sz]e|regret)(?: that| if)? you(?:'re| are| were) ${enUpset}`,
  '(?:sorry|apologies) if (?:you|anyone) (?:was|were|felt|feel)',
  'sorry for (?:any|the) inconvenience (?:you )?(?:may have|might have) (?:felt|experienced)',
]);

const nlSubject = '(?:u|je|jij)';
const nlUpset = '(?:ontevreden|niet tevreden|teleurgesteld|boos|ontstemd|beledigd|gekwetst|zo voelt|zo voelde|zo ervaart|zo ervaren|zo ziet|dat gevoel|het gevoel)';
const nl = anyOf([
  `(?:sorry|excuses|het spijt (?:ons|me|mij)|jammer) (?:dat|als) ${nlSubject}(?: [\\p{L}]+){0,4} ${nlUpset}(?: (?:bent|was|heeft|hebt|bent geweest|kreeg|krijgt))?`,
  `(?:sorry|excuses) als ${nlSubject}(?: zich| je)? (?:gekwetst|beledigd|ontevreden|teleurgesteld)`,
]);

export const blameRule: LintRule = {
  id: 'blame',
  check: (text, { lang }) => findAll(text, lang === 'nl' ? nl : en, { rule: 'blame', severity: 'error', key: 'blame' }),
};
