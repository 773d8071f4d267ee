/**
 * Sarcasm aimed at the reviewer: "apparently you…", "blijkbaar heeft u…", "helaas voor u", "good luck
 * with that", "your high standards", "some people…". Must fix: mocking a customer in public always
 * backfires. "Apparently the oven broke" (a fact) and "wat spijtig voor u" (sympathy) are fine.
 */
import { anyOfLower, lowerOf, hitsOf, sentenceFindings } from '../match';
import type { LintRule } from '../types';

const en = anyOfLower([
  "(?:apparently|evidently|supposedly),? (?:you|some people|someone|certain (?:people|customers|guests)|not everyone)",
  "(?:unfortunately|sadly|too bad|tough luck|bad luck|how sad|how unfortunate) for you",
  '(?:good luck|best of luck) (?:with that|finding|elsewhere|somewhere|out there)',
  'nice try',
  '(?:congratulations|congrats) on (?:being|your|finding|writing|managing)',
  '(?:your|such|those) (?:high|exalted|lofty|refined|impossible|very high|royal|impeccable|sophisticated|demanding) (?:standards|expectations|demands|taste|palate)',
  "(?:some|certain) (?:people|customers|guests|clients|reviewers) (?:just |simply |will |really )?(?:never|cannot|can't|always|are|expect|think|like to|want|love to)",
  "we(?:'re| are) (?:not|no) (?:a )?(?:five-star|5-star|5 star|michelin(?:-star(?:red)?)?|luxury) (?:hotel|restaurant|establishment|place)",
  "(?:maybe|perhaps) (?:you should|you'd be happier|you would be happier|you could)(?: [\\p{L}]+){0,2}? (?:somewhere|elsewhere|another|a different|at another)",
  '(?:whatever you say|if you say so|poor you|bless your heart)',
  "(?:sorry|apologies) (?:that )?(?:our|the) (?:[\\p{L}]+ ){0,3}(?:was|were|wasn't|weren't|did not|didn't) (?:not )?(?:good enough|up to|meet|fit) (?:for )?your(?: (?:high|exalted|lofty|refined|royal))? (?:standards|expectations|taste|liking)",
  'thanks for (?:the|your) (?:free )?(?:advice|lesson|lecture)',
]);
const nlYou = '(?:u|je|jij|ge|gij)';
const nl = anyOfLower([
  `(?:blijkbaar|kennelijk|klaarblijkelijk|schijnbaar) (?:heeft|hebt|had|hadt|bent|was|weet|wist|vindt|vond|denkt|dacht|verwacht|verwachtte|kunt|kon|zijt|waart|leest|las|snapt|begrijpt|kent|wil|wilt|houdt|moet) ${nlYou}`,
  `(?:blijkbaar|kennelijk|klaarblijkelijk),? (?:${nlYou}|sommige mensen|sommigen|sommige klanten|niet iedereen) `,
  `(?<!(?:wat|heel|erg|echt|zo) )(?:helaas|pech|tja,? jammer) voor (?:u|jou|je|uzelf|jezelf|jullie)`,
  '(?:succes|veel succes|veel geluk|veel plezier) (?:ermee|daarmee|met zoeken|elders|bij de concurrent|met uw zoektocht|met je zoektocht)',
  `(?:gefeliciteerd|proficiat) (?:met|dat) (?:uw|je|jouw|${nlYou})`,
  '(?:uw|je|jouw|uwe) (?:hoge|verheven|verfijnde|onmogelijke|torenhoge|hooggespannen|koninklijke|veeleisende) (?:standaard|standaarden|eisen|verwachtingen|smaak|maatstaven|normen)',
  '(?:sommige|bepaalde) (?:mensen|klanten|gasten|reviewers) (?:zijn|kunnen|willen|verwachten|denken|vinden|hebben|moeten) (?:nu eenmaal|altijd|nooit|gewoon|ook|echt)',
  'sommigen (?:zijn|kunnen|willen|verwachten|denken|vinden) (?:nu eenmaal|altijd|nooit|gewoon)',
  '(?:wij|we) zijn (?:geen|nu eenmaal geen|toch geen|hier geen) (?:vijfsterrenhotel|sterrenrestaurant|michelinrestaurant|vijfsterrenrestaurant|luxehotel|chique zaak|restaurant met sterren)',
  `(?:misschien|wellicht|dan) (?:kunt u|kun je|kan je|moet u|moet je|moogt ge|kunt ge|kan ge|gaat u|ga je)(?: [\\p{L}]+){0,2}? (?:ergens anders|elders|naar de concurrent|bij de supermarkt|naar een ander)`,
  '(?:als u dat zegt|als jij dat zegt|als je dat zegt|arme u|arme jij|ach gossie)',
  '(?:bedankt|dank) voor (?:de|uw|je) (?:gratis )?(?:les|lessen|preek|wijze raad|adviezen)',
]);

export const sarcasmRule: LintRule = {
  id: 'sarcasm',
  check(text, { lang }) {
    const hits = hitsOf(lowerOf(text), [[lang === 'nl' ? nl : en, 'sarcasm']]);
    return sentenceFindings(text, hits, 'sarcasm', 'error');
  },
};
