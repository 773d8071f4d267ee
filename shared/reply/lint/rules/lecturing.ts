/**
 * Lecturing the reviewer: "you should have read…", "had u beter moeten lezen", "as clearly stated on our
 * website", "zoals duidelijk vermeld", "you obviously didn't…", and quoting the rules back at them
 * ("according to our terms", "volgens onze huisregels"). Must fix: it tells every reader the business
 * blames its customers. "You should have had a warm welcome" (empathy) is fine: only lecturing verbs count.
 */
import { anyOfLower, lowerOf, hitsOf, sentenceFindings } from '../match';
import type { LintRule } from '../types';

const enDo =
  "(?:read|checked|asked|called|phoned|rung|told|informed|looked|seen|noticed|known|booked|reserved|ordered|cancell?ed|contacted|mentioned|arrived|come|waited|followed|paid attention|listened|planned|double-checked|measured|specified|indicated|realised|realized|understood|e-?mailed|let us know|thought (?:about|of|ahead)|tried|brought|printed|said so|spoken up|complained)";
const enRules = '(?:terms(?: and conditions)?|t&cs|policy|policies|rules|house rules|conditions|cancell?ation policy|booking conditions|small print|fine print)';
const en = anyOfLower([
  `you(?: really| just| simply| clearly| obviously| of course)? (?:should|could|ought to|must)(?: really| just| simply| easily| also| always)? (?:have|'ve)(?: just| simply| first| also| simply| better)? ${enDo}`,
  `you should've(?: just| simply| first)? ${enDo}`,
  `(?:if you had|if you'd|had you|if only you had)(?: only| just| simply| bothered to)? (?:read|checked|asked|called|told us|looked|listened|booked|paid attention|planned)`,
  '(?:if|had) you (?:only|just|simply) (?:read|checked|asked|called|told us|looked|listened|booked|paid attention|planned)',
  '(?:you|one) (?:need|needs|have|has) to (?:read|check|understand|realise|realize|learn|accept)',
  `next time,? (?:please )?(?:just )?(?:read|check|look at|pay attention)`,
  `(?:please |just |simply )?(?:read|check) (?:the|our) (?:menu|sign|website|site|small print|fine print|description|instructions|label|${enRules})(?: (?:first|next time|carefully|properly|before (?:you|ordering|booking|coming)))`,
  'learn (?:how )?to read',
  'as (?:is |was )?(?:clearly|explicitly|plainly|expressly|quite clearly|very clearly) (?:stated|mentioned|indicated|explained|shown|written|noted|specified|displayed|communicated|advertised|posted|described|says|said)',
  `as (?:is |was )?(?:also |already )?(?:stated|mentioned|indicated|explained|shown|written|noted|specified|displayed|communicated|advertised|posted|described) (?:on|in|at) (?:our|the)(?: [\\p{L}]+)? (?:website|site|menu|sign|page|booking|confirmation|e-?mail|${enRules})`,
  `as (?:our|the) (?:website|menu|sign|confirmation|staff|${enRules}) (?:clearly |explicitly |plainly )?(?:state|states|stated|say|says|said|mention|mentions|mentioned|explain|explains|explained)`,
  '(?:it|this|that) (?:clearly |plainly )?(?:says|said|states|stated) (?:very )?(?:clearly )?(?:on|in) (?:our|the) (?:website|site|menu|sign|confirmation|terms)',
  "(?:it|this|that)(?:'s| is| was) (?:clearly |plainly )?(?:stated|written|mentioned) (?:clearly )?(?:on|in) (?:our|the) (?:website|site|menu|sign|confirmation|terms)",
  "you(?:'ve| have)? (?:obviously|clearly|evidently)(?! (?:enjoyed|loved|liked|put|took|take|care|had a (?:great|good|lovely|wonderful)))",
  '(?:obviously|clearly|evidently),? you (?:did not|didn\'t|do not|don\'t|never|failed|missed|ignored|overlooked|misread|misunderstood|forgot|have not|haven\'t)',
  'as (?:anyone|everyone|everybody|any customer) (?:knows|can see|could see|would know|should know|could tell|understands)',
  '(?:everyone|everybody|anyone) knows (?:that|this)',
  `(?:according to|per|as per|under|in line with) (?:our|the) ${enRules}`,
  `(?:our|the) ${enRules} (?:clearly |explicitly |plainly )?(?:state|states|stated|say|says|said)`,
  'rules are rules',
  "(?:it is|it was|it's|that is|that's) (?:the (?:customer|guest|client)'s|your(?: own)?) responsibility",
  "(?:it is|it was|it's|that is|that's) up to you to",
  'you (?:are|were) (?:expected|supposed|required) to (?:read|check|know|arrive|call|inform|cancel|bring|let us know)',
  "you (?:should|must) (?:know|understand|realise|realize) (?:that|by now)",
], { skipInWords: true });

const nlYou = '(?:u|je|jij|ge|gij)';
const nlDo =
  '(?:lezen|bellen|opbellen|vragen|navragen|kijken|nakijken|weten|checken|controleren|melden|reserveren|boeken|afzeggen|annuleren|opletten|letten|nagaan|doorgeven|aangeven|zeggen|vertellen|komen|bestellen|informeren|overleggen|laten weten|mailen|lezen wat|opmeten|meten|plannen|klagen|aanvragen|nalezen|doorlezen|uitprinten|meenemen|opschrijven)';
const nlRules = '(?:algemene voorwaarden|voorwaarden|huisregels|huisreglement|regels|annuleringsvoorwaarden|annuleringsregels|annuleringsbeleid|reglement|policy|leveringsvoorwaarden|boekingsvoorwaarden|reserveringsvoorwaarden)';
const nl = anyOfLower([
  `(?:${nlYou} (?:had|hadt|hadden)|(?:had|hadt) ${nlYou})(?: [\\p{L}]+){0,5}? (?:(?:moeten|kunnen) ${nlDo}|${nlDo} (?:moeten|kunnen))`,
  `(?:had|hadt) ${nlYou} (?:toch |nou |dan |gewoon |ook )*maar`,
  `${nlYou} (?:moet|moest|moet ge|moogt)(?: [\\p{L}]+){0,2}? (?:voortaan|de volgende keer|een volgende keer|wel|gewoon|eerst|beter|echt|zelf)(?: [\\p{L}]+){0,3}? ${nlDo}`,
  `(?:lees|kijk|check|controleer|bel) (?:voortaan|de volgende keer|een volgende keer|eerst even|dan eerst|gewoon eerst|wel eerst)`,
  `zoals (?:al |ook |reeds |gewoon )*(?:duidelijk|nadrukkelijk|expliciet|uitdrukkelijk|overduidelijk|heel duidelijk|helder) (?:vermeld|aangegeven|beschreven|vermeldt|gemeld|aangekondigd|staat|stond|te lezen|gecommuniceerd|afgesproken)`,
  `zoals (?:al |ook |reeds )*(?:vermeld|aangegeven|beschreven|gemeld|aangekondigd|vermeld staat|staat vermeld|staat aangegeven|te lezen|te lezen staat|gecommuniceerd|staat|stond) (?:op|in) (?:onze|de|het|ons)(?: [\\p{L}]+)? (?:website|site|menukaart|kaart|bord|bevestiging|boekingsbevestiging|mail|e-mail|reserveringsbevestiging|${nlRules})`,
  `zoals (?:al |ook )*(?:op|in) (?:onze|de|het|ons) (?:website|site|menukaart|kaart|bord|bevestiging|mail|e-mail|${nlRules}) (?:staat|stond|vermeld|aangegeven|te lezen|beschreven)`,
  `zoals (?:onze|de) (?:website|site|menukaart|kaart|bevestiging|${nlRules}) (?:duidelijk |al )?(?:vermeldt|vermelden|aangeeft|aangeven|zegt|zeggen|melden|meldt)`,
  '(?:het|dat|dit) staat (?:toch |gewoon |ook |heel |echt |overal |nochtans )*(?:duidelijk|groot|nadrukkelijk|zwart op wit|expliciet) (?:op|in|vermeld|aangegeven|beschreven|te lezen)',
  `(?:volgens|conform|zoals in|zoals vastgelegd in|zoals beschreven in|zie) (?:onze|de) ${nlRules}`,
  `(?:onze|de) ${nlRules} (?:zijn|waren|staan|stellen|vermelden|zeggen) (?:toch |nochtans |heel )?(?:duidelijk|helder|dat|zwart op wit)`,
  'regels zijn regels',
  `dat (?:had|hadt|kon|kunt|kan) ${nlYou} (?:toch |gewoon |ook |zelf )*(?:kunnen|moeten)? ?weten`,
  `${nlYou} (?:had|hadt|kon|kunt|kan) (?:dat|dit|het) (?:toch |gewoon |ook |zelf )*(?:kunnen )?(?:weten|lezen|zien)`,
  '(?:dat|dit) weet (?:toch )?(?:iedereen|elke klant|iedere klant)',
  `${nlYou} (?:bent|zijt|was|waart) (?:zelf |toch |gewoon )*verantwoordelijk`,
  `(?:het|dat) is (?:toch |gewoon )*(?:uw|jouw|je|uwe) (?:eigen )?verantwoordelijkheid`,
  `${nlYou} (?:heeft|hebt) (?:het )?(?:duidelijk|kennelijk|overduidelijk|gewoon|zeker) niet (?:goed )?(?:gelezen|opgelet|gekeken|geluisterd|begrepen)`,
  `(?:duidelijk|overduidelijk|uiteraard) (?:heeft|hebt) ${nlYou} (?:niet|nooit|het niet)`,
  `(?:zoals|wat) (?:iedereen|elke klant|iedere klant) (?:weet|kan zien|kan lezen)`,
  'leer (?:eerst )?lezen',
], { skipInWords: true });

export const lecturingRule: LintRule = {
  id: 'lecturing',
  check(text, { lang }) {
    const hits = hitsOf(lowerOf(text), [[lang === 'nl' ? nl : en, 'lecturing']], true);
    return sentenceFindings(text, hits, 'lecturing', 'error');
  },
};
