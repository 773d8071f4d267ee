/**
 * Asking for a better rating, or offering something for changing the review: against Google's
 * rules. "Thank you for the five stars" is fine; "could you change your review" and
 * "a voucher if you update your rating" are not.
 */
import { anyOf, findAll, matchAll, matchesIn, sentenceAround } from '../match';
import type { LintFinding, LintRule } from '../types';

const en = anyOf([
  "(?:change|update|edit|raise|increase|improve|adjust|reconsider|revise|remove|delete|withdraw|take down|upgrade|bump up)(?: [\\p{L}']+){0,2} (?:review|rating|stars|score|feedback)",
  '(?:leave|give|write)(?: us)? (?:a |an )?(?:better|new|updated|positive|higher|(?:4|5|four|five)[- ]star) (?:review|rating)',
  '(?:give|leave) us (?:4|5|four|five|more) stars',
]);
const nl = anyOf([
  '(?:uw|je|jouw|de) (?:beoordeling|review|recensie|waardering|score|sterren)(?: [\\p{L}]+){0,3} (?:aan te passen|te wijzigen|te verwijderen|te verhogen|bij te stellen|aanpassen|wijzigen|verwijderen|verhogen|bijstellen|aanpast|wijzigt|verwijdert|verhoogt|bijstelt|herzien)',
  '(?:pas|wijzig|verwijder|verhoog) (?:uw|je|jouw|de) (?:beoordeling|review|recensie|waardering)',
  '(?:een )?(?:betere|nieuwe|hogere|positieve) (?:beoordeling|review|recensie|waardering)(?: (?:achter|geven|te geven|achterlaten|achter te laten|schrijven))',
  '(?:4|5|vier|vijf|meer) sterren (?:geven|te geven|geeft|achterlaten)',
]);
const incentiveEn = anyOf(['discount', 'voucher', 'coupon', 'gift ?card', 'free (?:meal|drink|coffee|dessert|night|stay|product|gift)', 'in (?:exchange|return) for', 'refund', 'reward']);
const incentiveNl = anyOf(['korting', 'tegoedbon', 'waardebon', 'cadeaubon', 'kortingscode', 'gratis', 'in ruil voor', 'als dank voor', 'beloning']);
const reviewWordEn = anyOf(['review', 'rating', 'stars', 'score']);
const reviewWordNl = anyOf(['beoordeling', 'review', 'recensie', 'waardering', 'sterren', 'score']);

export const ratingRequestRule: LintRule = {
  id: 'rating-request',
  check(text, { lang }) {
    const nlLang = lang === 'nl';
    // Every request names the review or rating: look only in sentences that do (a long reply stays fast).
    const asks: LintFinding[] = [];
    let done = -1;
    for (const hit of matchAll(text, nlLang ? reviewWordNl : reviewWordEn)) {
      if (hit.index < done) continue;
      const s = sentenceAround(text, hit.index);
      done = s.end;
      for (const f of findAll(text.slice(s.start, s.end), nlLang ? nl : en, { rule: 'rating-request', severity: 'error', key: 'rating-request.ask' })) {
        asks.push({ ...f, start: f.start + s.start, end: f.end + s.start });
      }
    }
    const incentives: LintFinding[] = [];
    for (const f of findAll(text, nlLang ? incentiveNl : incentiveEn, { rule: 'rating-request', severity: 'error', key: 'rating-request.incentive' })) {
      // Only an incentive tied to the review or rating in the same sentence is against the rules.
      const s = sentenceAround(text, f.start);
      if (matchesIn(text.slice(s.start, s.end), nlLang ? reviewWordNl : reviewWordEn)) incentives.push(f);
    }
    return [...asks, ...incentives];
  },
};
