/**
 * Review gating: asking to change, raise, update or remove a review or rating ("would you consider 5
 * stars", "uw recensie aanpassen"), or offering anything tied to a review (a discount, voucher or gift
 * for a review). Google's review policy forbids both; reviews got that way can be removed. Must fix.
 * "Thank you for the five stars" and a goodwill gesture not tied to the review are fine.
 */
import { anyOfLower, lowerOf, matchAll, matchesIn, sentenceFindings, sentenceSpan } from '../match';
import type { LintRule } from '../types';

const enReview = "(?:[\\p{L}-]*review|rating|ratings|stars|score|feedback|post|comment|verdict|star rating)";
const enChange =
  '(?:chang|updat|edit|rais|increas|adjust|reconsider|revis|remov|delet|withdraw|tak(?:e|ing) down|upgrad|bump(?:ing)? up|amend|modify|modifi|revisit|rethink|re-?rat|rewrit|tweak)[\\p{L}]*';
const en = anyOfLower([
  `${enChange} (?:your|the|this|that|my|its|his|her|their|it to|the original)(?: [\\p{L}\\p{N}'-]+){0,2} ${enReview}`,
  `${enChange} (?:it|this|that) (?:to|into) (?:a )?(?:\\d|four|five)[- ]?star`,
  '(?:leave|give|write|post)(?: us)? (?:a |an )?(?:better|new|updated|positive|higher|more positive|good|glowing|(?:4|5|four|five)[- ]star) (?:review|rating|score)',
  '(?:give|leave|award|grant) us (?:the )?(?:4|5|four|five|more|full|all) (?:stars|points)',
  '(?:take|taking|pull|pulling) (?:it|this|the review|your review) (?:down|offline)',
]);
/** "5 stars" in a request or hope ("would you…", "we hope…", "next time…"), not in thanks for them. */
const enStars = anyOfLower(['(?:4|5|four|five|more|full)[- ]?(?:stars?|star review|star rating)']);
const enAsk = anyOfLower(['would you', 'could you', 'can you', 'will you', 'please', 'consider', 'hope', "we'd love", 'we would love', "we'd appreciate", 'we would appreciate', 'deserve', 'worth', 'next time', 'if we', 'why not', 'maybe', 'perhaps', 'how about', 'feel free']);
const enThanks = anyOfLower(['(?:thank you|thanks|grateful|appreciate|happy|glad|delighted|proud)(?: so much| very much)? (?:for|about|with) (?:the|your|those|these|all|this)']);

const nlReview = '(?:[\\p{L}-]*(?:beoordeling|review|recensie|waardering|rating|score)|sterren|sterretjes|cijfer|reactie op google)';
const nlVerb =
  '(?:aan te passen|te wijzigen|te verwijderen|te verhogen|bij te stellen|te herzien|te veranderen|in te trekken|weg te halen|offline te halen|te updaten|te verbeteren|op te trekken|aanpassen|wijzigen|verwijderen|verhogen|bijstellen|herzien|veranderen|intrekken|weghalen|offline halen|updaten|verbeteren|optrekken|aanpast|wijzigt|verwijdert|verhoogt|bijstelt|herziet|verandert|intrekt|weghaalt|update|verbetert|optrekt|aangepast|gewijzigd|verwijderd|verhoogd|bijgesteld|herzien|veranderd|ingetrokken|weggehaald|geüpdatet|verbeterd|opgetrokken|nog eens bekijken|opnieuw bekijken|heroverwegen|te heroverwegen)';
/** Up to four words between the review and its verb, none that starts a clause of the business's own ("…uw review hebben wij het recept aangepast"). */
const between = '(?: (?!(?:wij|we|ik|ons|onze|hebben|heeft|hebt|is|zijn|was|waren|wordt|werd|hun|dat|die|en|maar|omdat|want)(?![\\p{L}]))[\\p{L}\\p{N}-]+){0,4}';
const nl = anyOfLower([
  `(?:uw|je|jouw|de|die|deze|uwe|het|jullie|dat)(?: [\\p{L}\\p{N}-]+)? ${nlReview}${between} ${nlVerb}`,
  `(?:pas|past|wijzig|wijzigt|verwijder|verwijdert|verhoog|verhoogt|herzie|herziet|verander|verandert|update|updatet|trek|trekt|haal|haalt)(?: [\\p{L}]+){0,2} (?:uw|je|jouw|de|die|deze|uwe|het)(?: [\\p{L}-]+)? ${nlReview}`,
  `(?:een )?(?:betere|nieuwe|hogere|positieve|positievere|goede|aangepaste) ${nlReview}(?: [\\p{L}]+){0,2} (?:achter|geven|te geven|geeft|achterlaten|achter te laten|schrijven|te schrijven|plaatsen|te plaatsen|plaatst|schrijft)`,
  `(?:opnieuw|nog eens|nogmaals) (?:te )?(?:beoordelen|beoordeelt|reviewen)`,
]);
const nlStars = anyOfLower(['(?:4|5|vier|vijf|meer|alle|volle)[- ]?(?:sterren|sterretjes|ster|sterrenreview|punten)']);
const nlAsk = anyOfLower(['zou u', 'zou je', 'zoudt ge', 'wilt u', 'wil je', 'wilt ge', 'kunt u', 'kun je', 'kan je', 'kunt ge', 'alstublieft', 'alsjeblieft', 'aub', 'a\\.u\\.b', 'graag', 'hopen', 'hoop', 'hopelijk', 'misschien', 'overweeg', 'overwegen', 'verdienen', 'verdiend', 'waard', 'volgende keer', 'als wij', 'als we', 'mogen wij', 'mogen we', 'zullen', 'zouden']);
const nlThanks = anyOfLower(['(?:bedankt|dank|dankjewel|dank u wel|dank je wel|blij|trots|fijn|merci)(?: u| je)?(?: wel)?(?: voor| met) (?:de|uw|je|jouw|die|deze|al|het)']);

const incentiveEn = anyOfLower(['discount', 'voucher', 'coupon', 'gift ?cards?', 'gift', 'free', 'on the house', 'refund', 'reward', 'credit', 'compensation', '\\d+ ?% off', 'cashback', 'complimentary', 'bonus']);
const incentiveNl = anyOfLower(['korting', 'kortingscode', 'tegoedbon', 'waardebon', 'cadeaubon', 'cadeautje', 'cadeau', 'gratis', 'beloning', 'attentie', 'vergoeding', 'terugbetaling', 'bon', 'tegoed', '\\d+ ?% (?:korting|eraf)', 'op kosten van het huis', 'traktatie']);
/** The incentive is tied to the review: "for a review", "if you update…", "in exchange for". */
const tieEn = anyOfLower([`(?:for|with|per) (?:a|an|your|every|each|any|one|the)(?: [\\p{L}\\p{N}-]+)? ${enReview}`, 'in (?:exchange|return) for', '(?:if|when|once|after|as soon as) you(?: [\\p{L}\']+){0,5} (?:review|rate|rating|stars|[\\p{L}]*review)']);
const tieNl = anyOfLower([`(?:voor|bij|per) (?:een|uw|je|jouw|elke|iedere|de)(?: [\\p{L}\\p{N}-]+)? ${nlReview}`, 'in ruil voor', '(?:als|zodra|wanneer|nadat) (?:u|je|jij|ge)(?: [\\p{L}]+){0,5} (?:beoordeelt|review|recensie|beoordeling|sterren|waardering)', 'als dank voor (?:een|uw|je) (?:nieuwe |aangepaste |betere )?(?:review|beoordeling|recensie)']);

const enReviewWord = new RegExp(`${enReview.slice(0, -1)}|stars?)`, 'gu');
const nlReviewWord = /(?:beoordeling|review|recensie|waardering|rating|score|sterren|cijfer|reactie op google|opnieuw|nog eens|nogmaals)/gu;

export const ratingRequestRule: LintRule = {
  id: 'rating-request',
  check(original, { lang }) {
    // Matched on the lower-cased text (same offsets): the findings and sentences are the same.
    const text = lowerOf(original);
    const nlLang = lang === 'nl';
    const hits: { index: number; key: string }[] = [];
    // Every ask names the review or rating: look only in sentences that do (a long reply stays fast).
    let done = -1;
    for (const word of matchAll(text, nlLang ? nlReviewWord : enReviewWord)) {
      if (word.index < done) continue;
      const s = sentenceSpan(text, word.index);
      done = s.end;
      for (const m of matchAll(text.slice(s.start, s.end), nlLang ? nl : en)) hits.push({ index: s.start + m.index, key: 'rating-request.ask' });
    }
    for (const m of matchAll(text, nlLang ? nlStars : enStars)) {
      const s = sentenceSpan(text, m.index);
      const sentence = text.slice(s.start, s.end);
      // Thanks for the stars they gave is fine; stars asked for or hoped for are not.
      const before = text.slice(s.start, m.index);
      if (matchesIn(before, nlLang ? nlThanks : enThanks) || /\b(?:gave|given|gaf|gaven|gegeven|left|met|with)\s+(?:us\s+|ons\s+)?(?:\S+\s+)?$/iu.test(before)) continue;
      if (matchesIn(sentence, nlLang ? nlAsk : enAsk)) hits.push({ index: m.index, key: 'rating-request.ask' });
    }
    for (const m of matchAll(text, nlLang ? incentiveNl : incentiveEn)) {
      const s = sentenceSpan(text, m.index);
      // "Thanks for your review" is not a tie: take it out before looking for one.
      const sentence = text.slice(s.start, s.end).replace(nlLang ? /(?:bedankt|dank(?: u| je)?(?: wel)?)\s+voor\s+(?:uw|je|jouw|de)\s+\S*(?:review|beoordeling|recensie)/giu : /(?:thank you|thanks|grateful)(?: so much| very much)?\s+for\s+(?:your|the|this)\s+\S*(?:review|feedback|rating)/giu, '');
      if (matchesIn(sentence, nlLang ? tieNl : tieEn)) hits.push({ index: m.index, key: 'rating-request.incentive' });
    }
    // One finding per sentence: an incentive (the worse of the two) names the finding.
    const found = sentenceFindings(text, hits, 'rating-request', 'error');
    for (const f of found) if (hits.some((h) => h.key === 'rating-request.incentive' && h.index >= f.start && h.index < f.end)) f.key = 'rating-request.incentive';
    return found;
  },
};
