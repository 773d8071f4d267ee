/**
 * Blaming the reviewer, which readers never forgive: "your (own) fault", "uw eigen schuld", "we cannot
 * help it that you…", "you gave us the wrong address", and apologies that put the problem on them
 * ("sorry that you feel…"). Must fix. "It was not your fault" / "geen schuld van u" are fine (negated),
 * and so is "Sorry we did not help you": the business is the subject there.
 */
import { anyOfLower, lowerOf, hitsOf, sentenceFindings } from '../match';
import type { LintRule } from '../types';

const enFeelings = "(?:feel|felt|think|thought|see it|perceive|are|were|'re|found|find|had the impression|got the impression)";
const enUpset = '(?:not (?:happy|satisfied|pleased)|unhappy|dissatisfied|disappointed|upset|angry|offended|unsatisfied)';
const enApology = anyOfLower([
  `(?:sorry|apologi[sz]e|regret)(?: to hear)?(?: that| if)? you ${enFeelings}(?: (?:so|that way|this way|like that|we))?(?:(?: [\\p{L}']+){0,2} ${enUpset})?`,
  `(?:sorry|apologi[sz]e|regret)(?: that| if)? you(?:'re| are| were) ${enUpset}`,
  '(?:sorry|apologies) if (?:you|anyone) (?:was|were|felt|feel)',
  'sorry for (?:any|the) inconvenience (?:you )?(?:may have|might have) (?:felt|experienced)',
]);
const wrongThing = "(?: us)?(?: the| a| an| your)? (?:wrong|incorrect|false|outdated|old)";
const enFault = anyOfLower([
  "your(?: own)? (?:fault|mistake|error|doing)",
  "(?:you|yourself) (?:are|were|is) (?:entirely |solely |partly |fully |clearly )?(?:to blame|responsible for (?:this|that|the))",
  "(?:you )?(?:only )?(?:have|had) (?:only )?yourself to blame",
  "(?:that|this|it)(?:'s| is| was) (?:all )?on you",
  "the (?:fault|blame|mistake|responsibility) (?:lies|lay|is|was|rests|rested) (?:entirely |fully |solely |squarely |clearly )?(?:with|on) you",
  "we (?:cannot|can't|could not|couldn't) help (?:it )?(?:that|if) you",
  "(?:it|that)(?:'s| is| was) not our (?:problem|fault) (?:that|if) you",
  `you (?:gave|sent|entered|typed|provided|filled in|picked|chose|booked|ordered|selected|wrote down|supplied|used)${wrongThing}`,
  "you (?:forgot|neglected|failed|omitted|didn't bother|did not bother) to",
  "you (?:arrived|came|showed up|turned up)(?: [\\p{L}\\d]+){0,3}? late",
  "(?:due to|because of|caused by|thanks to) your (?:own )?(?:mistake|error|carelessness|negligence|late arrival|lateness|oversight)",
  'caused by you(?:rself)?',
]);

const nlYou = '(?:u|je|jij|ge|gij)';
const nlYour = '(?:uw|uwe|je|jouw)';
const nlApology = anyOfLower([
  `(?:sorry|excuses|het spijt (?:ons|me|mij)|jammer) (?:dat|als) ${nlYou}(?: [\\p{L}]+){0,4} (?:ontevreden|niet tevreden|teleurgesteld|boos|ontstemd|beledigd|gekwetst|zo voelt|zo voelde|zo ervaart|zo ervaren|zo ziet|dat gevoel|het gevoel)(?: (?:bent|was|heeft|hebt|bent geweest|kreeg|krijgt))?`,
  `(?:sorry|excuses) als ${nlYou}(?: zich| je)? (?:gekwetst|beledigd|ontevreden|teleurgesteld)`,
]);
const nlFault = anyOfLower([
  `${nlYour}(?: eigen)? (?:schuld|fout|vergissing)`,
  `(?:de )?schuld (?:ligt|lag) (?:(?:toch|echt|helemaal|volledig|duidelijk|gewoon|wel|hier) )*(?:bij|aan) (?:u|jou|je|uzelf|jezelf|uw kant|jouw kant)`,
  'schuld van (?:u|jou|uzelf|jezelf)',
  `${nlYou} (?:heeft|hebt|had|hadt|gaf|gaaft|heb)(?: ons| zelf| toch| gewoon| zelf ons)* (?:een |het |de )?(?:verkeerde|foute|onjuiste|oude|verkeerd|fout|onjuist) (?:[\\p{L}]+ )?(?:adres|nummer|datum|tijd|gegevens|informatie|bestelling|maat|e-mailadres|telefoonnummer|postcode|dag|opgegeven|doorgegeven|ingevuld|besteld|gekozen|gereserveerd|geboekt|ingevoerd|getypt)`,
  `${nlYou} (?:heeft|hebt|had|hadt)(?: zelf| gewoon| toch)* (?:verkeerd|fout) (?:besteld|ingevuld|gekozen|gelezen|doorgegeven|geboekt|gereserveerd|ingevoerd|opgegeven)`,
  `${nlYou} (?:bent|was|waart|zijt|kwam|kwaamt|kwamt|arriveerde)(?: zelf| gewoon| toch| ook| wel)*(?: (?:veel|ruim|bijna|meer dan|een|half|uur|kwartier|\\d+|minuten|dik|ongeveer|wat))* te laat`,
  `${nlYou} (?:bent|was|zijt|waart|heeft|hebt|had)(?: zelf| gewoon| toch| het)* vergeten`,
  `(?:wij|we) kunnen (?:er )?(?:toch |ook |echt |natuurlijk )?(?:niets|niks|het niet) (?:aan )?(?:doen|helpen|verhelpen) (?:dat|als) ${nlYou}`,
  `(?:wij|we) kunnen (?:er )?(?:toch |ook |echt |natuurlijk )?(?:niets|niks) aan doen (?:dat|als) ${nlYou}`,
  `(?:door|vanwege|dankzij) ${nlYour} (?:eigen )?(?:fout|vergissing|nalatigheid|schuld|slordigheid|late komst|te late komst)`,
  `(?:dat|dit|het) is ${nlYour} (?:eigen )?probleem`,
  'niet ons probleem (?:dat|als)',
  `(?:door|aan) ${nlYou}(?:zelf)? (?:veroorzaakt|te wijten)`,
  `te wijten aan ${nlYour}`,
], { skipInWords: true });

export const blameRule: LintRule = {
  id: 'blame',
  check(text, { lang }) {
    const hits =
      lang === 'nl'
        ? [...hitsOf(lowerOf(text), [[nlApology, 'blame.apology']]), ...hitsOf(lowerOf(text), [[nlFault, 'blame.fault']], true)]
        : [...hitsOf(lowerOf(text), [[enApology, 'blame.apology']]), ...hitsOf(lowerOf(text), [[enFault, 'blame.fault']], true)];
    return sentenceFindings(text, hits, 'blame', 'error');
  },
};
