/** Address by gender ("Dear Sir", "Geachte heer"): greet with the name, or neutrally. */
import { anyOf, findAll } from '../match';
import type { LintRule } from '../types';

const en = anyOf(['dear (?:sir|madam|sirs|mr\\.?|mrs\\.?|ms\\.?|miss|gentlemen|ladies)(?:(?: or |/)madam)?', 'hello (?:sir|madam)', 'ladies and gentlemen']);
const nl = anyOf(['(?:geachte|beste|lieve|hallo|dag|goedemorgen|goedemiddag|goedenavond) (?:heer|meneer|mevrouw|mevr\\.|dhr\\.|mw\\.|mijnheer|juffrouw)(?:(?: of |/)(?:mevrouw|heer|meneer))?', 'dames en heren']);

export const genderedRule: LintRule = {
  id: 'gendered',
  check: (text, { lang }) => findAll(text, lang === 'nl' ? nl : en, { rule: 'gendered', severity: 'warning', key: 'gendered' }),
};
