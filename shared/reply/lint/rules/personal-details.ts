/**
 * The reviewer's order or booking numbers and health details, for the personal-data rule.
 * "Your order 48213" and "uw notenallergie" are flagged; "could you send us your booking number?"
 * (no number in it) and "we take allergies seriously" (nobody's in particular) are not.
 */
import { anyOf, findAll } from '../match';
import type { LintFinding, ReplyLanguage } from '../types';

/** A code with at least four digits ("48213", "#A-20931", "BK2024-118"), after an order or booking word. */
const code = '#?(?:[A-Z]{1,4}[-/]?)?\\d[\\d/-]{3,}[A-Z]?';
const enOrder = anyOf([
  `(?:order|booking|reservation|reference|ref|invoice|ticket|confirmation|case|tracking|parcel|package|table booking|room booking)(?: (?:number|no\\.?|nr\\.?|n°|id|code|reference))?(?: is| was| with number| with reference)?:? ?${code}`,
]);
const nlOrder = anyOf([
  `(?:order|bestelling|bestel|boeking|reservering|reserverings|referentie|factuur|ticket|dossier|klant|track ?& ?trace|pakket|zending|bevestigings|boekings)(?: ?(?:nummer|nr\\.?|n°|code|id))?(?: is| was| met nummer| met referentie)?:? ?${code}`,
]);

const enHealth =
  '(?:[\\p{L}-]*allerg(?:y|ies)|[\\p{L}-]*intolerance|diabetes|coeliac disease|celiac disease|pregnancy|illness|disease|medical condition|diagnosis|surgery|medication|medicines|disability|wheelchair|cancer|chemo(?:therapy)?|depression|migraine|epilepsy|asthma|heart condition|injury|broken (?:leg|arm|ankle|wrist)|hospital stay|autism|adhd|dementia|hearing aid|burn-?out)';
const enHealthRe = anyOf([
  `(?:your|you're|you are|since you are|as you are)(?: (?:own|son's|daughter's|husband's|wife's|partner's|child's|mother's|father's|recent|severe|serious|nut|gluten|lactose|peanut|known))? ${enHealth}`,
  "(?:you(?:'re| are| were)|you have|you had) (?:\\p{L}+ )?(?:pregnant|diabetic|allergic|disabled|coeliac|celiac|epileptic|(?:ill|sick)(?! of| and tired| to death)|in a wheelchair|autistic|on medication|undergoing (?:chemo|treatment))",
]);
const nlHealth =
  '(?:[\\p{L}-]*allergie(?:ën)?|[\\p{L}-]*intolerantie|diabetes|suikerziekte|coeliakie|zwangerschap|ziekte|aandoening|diagnose|operatie|medicatie|medicijnen|handicap|rolstoel|kanker|chemo(?:therapie)?|depressie|angststoornis|migraine|epilepsie|astma|hartklachten|hartkwaal|blessure|gebroken (?:been|arm|enkel|pols)|ziekenhuisopname|autisme|adhd|dementie|gehoorapparaat|burn-?out|zwangerschapsdiabetes|rugklachten|hernia)';
const nlHealthRe = anyOf([
  `(?:uw|je|jouw|uwe)(?: (?:eigen|zoons|dochters|ernstige|zware|recente|bekende|noten|gluten|lactose|pinda))? ${nlHealth}`,
  '(?:u|je|jij|ge|gij) (?:bent|was|zijt|waart|bent nog|was toen) (?:\\p{L}+ )?(?:zwanger|diabeet|diabetisch|allergisch|gehandicapt|ziek|invalide|epileptisch|autistisch|slechthorend|slechtziend)',
  '(?:u|je|jij|ge|gij) (?:\\p{L}+ )?(?:zwanger|diabeet|diabetisch|allergisch|gehandicapt|epileptisch|autistisch|slechthorend|slechtziend) (?:bent|was|zijt|waart|bent geweest)',
  '(?:u|je|jij|ge|gij) (?:heeft|hebt|had) (?:\\p{L}+ )?(?:diabetes|suikerziekte|coeliakie|kanker|epilepsie|astma|een handicap|een allergie|een notenallergie|een glutenallergie|een hernia|een burn-?out)',
]);

/** Every order code has a digit and three more digits, dashes or slashes: without such a run there is nothing to find. */
const codeRun = /\d[\d/-]{3}/;

export function orderHits(text: string): LintFinding[] {
  if (!codeRun.test(text)) return [];
  // Both languages' words: "order" and "booking" are common in Dutch replies too.
  const found = [...findAll(text, nlOrder, { rule: 'personal-data', severity: 'error', key: 'personal-data.order' }), ...findAll(text, enOrder, { rule: 'personal-data', severity: 'error', key: 'personal-data.order' })];
  const seen = new Set<number>();
  return found.filter((f) => (seen.has(f.start) ? false : (seen.add(f.start), true)));
}

export function healthHits(text: string, lang: ReplyLanguage): LintFinding[] {
  return findAll(text, lang === 'nl' ? nlHealthRe : enHealthRe, { rule: 'personal-data', severity: 'error', key: 'personal-data.health' });
}
