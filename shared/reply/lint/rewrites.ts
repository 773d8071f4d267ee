/**
 * The calm rewrites' phrasebook: whole sentences that replace a sentence that hurts, in English and in
 * Dutch with "u" and with "je". `{topic}` is what the sentence was about ("the address"), when known.
 * Written from the five steps in WEBCARE.md: thank, empathise (for what happened, not how they feel),
 * own it, offer an opening; never blame, lecture or argue.
 */
export type Voice = 'en' | 'nl-u' | 'nl-je';

type Phrases = Record<Voice, { topic?: string; plain: readonly string[] }>;

export const REWRITES: Record<string, Phrases> = {
  'blame.fault': {
    en: { topic: 'We should have checked {topic} with you, and we are sorry it went wrong.', plain: ['We should have checked this with you, and we are sorry it went wrong.', 'This is not how it should go, and we would like to make it right.'] },
    'nl-u': { topic: 'Wij hadden {topic} beter met u moeten afstemmen; het spijt ons dat het misging.', plain: ['Wij hadden dit beter met u moeten afstemmen; het spijt ons dat het misging.', 'Zo hoort het niet te gaan, en dat maken we graag met u goed.'] },
    'nl-je': { topic: 'We hadden {topic} beter met je moeten afstemmen; het spijt ons dat het misging.', plain: ['We hadden dit beter met je moeten afstemmen; het spijt ons dat het misging.', 'Zo hoort het niet te gaan, en dat maken we graag met je goed.'] },
  },
  'blame.apology': {
    en: { plain: ['We are sorry we did not help you the way we should have.', 'We are sorry your visit did not go the way it should have.'] },
    'nl-u': { plain: ['Het spijt ons dat we u niet goed geholpen hebben.', 'Het spijt ons dat uw bezoek niet ging zoals het hoort.'] },
    'nl-je': { plain: ['Het spijt ons dat we je niet goed geholpen hebben.', 'Het spijt ons dat je bezoek niet ging zoals het hoort.'] },
  },
  lecturing: {
    en: { topic: 'We will make {topic} clearer, so this does not happen to anyone again.', plain: ['We should have explained this better, and we are sorry it caused you trouble.', 'We will make this clearer, so it does not happen to anyone again.'] },
    'nl-u': { topic: 'Wij gaan {topic} duidelijker vermelden, zodat dit niemand meer overkomt.', plain: ['Dat hadden wij u beter moeten uitleggen; het spijt ons dat het u last bezorgde.', 'Wij gaan dit duidelijker vermelden, zodat het niemand meer overkomt.'] },
    'nl-je': { topic: 'We gaan {topic} duidelijker vermelden, zodat dit niemand meer overkomt.', plain: ['Dat hadden we je beter moeten uitleggen; het spijt ons dat het je last bezorgde.', 'We gaan dit duidelijker vermelden, zodat het niemand meer overkomt.'] },
  },
  sarcasm: {
    en: { plain: ['We understand your disappointment, and we would like to hear more about it.', 'Thank you for telling us honestly how your visit went.'] },
    'nl-u': { plain: ['Wij begrijpen uw teleurstelling en horen graag meer van u.', 'Dank u dat u eerlijk vertelt hoe uw bezoek was.'] },
    'nl-je': { plain: ['We begrijpen je teleurstelling en horen graag meer van je.', 'Dank je dat je eerlijk vertelt hoe je bezoek was.'] },
  },
  defensive: {
    en: { plain: ['We are sorry to read this, and we would like to find out with you what happened.', 'Thank you for telling us; this is not the experience we want anyone to have.'] },
    'nl-u': { plain: ['Wat vervelend om te lezen; wij zoeken graag samen met u uit wat er is gebeurd.', 'Dank u dat u dit laat weten; zo willen wij niet dat iemand het bij ons ervaart.'] },
    'nl-je': { plain: ['Wat vervelend om te lezen; we zoeken graag samen met je uit wat er is gebeurd.', 'Dank je dat je dit laat weten; zo willen we niet dat iemand het bij ons ervaart.'] },
  },
  'rating-request.ask': {
    en: { plain: ['We would like to put this right for you.', 'We hope to welcome you again and show you we can do better.'] },
    'nl-u': { plain: ['Wij maken dit graag voor u goed.', 'Wij hopen u weer te mogen verwelkomen en te laten zien dat het beter kan.'] },
    'nl-je': { plain: ['We maken dit graag voor je goed.', 'We hopen je weer te mogen verwelkomen en te laten zien dat het beter kan.'] },
  },
  'rating-request.incentive': {
    en: { topic: 'We would like to make this right for you: please get in touch at {topic}.', plain: ['We would like to make this right for you: please get in touch with us.'] },
    'nl-u': { topic: 'Wij maken dit graag voor u goed: neem contact met ons op via {topic}.', plain: ['Wij maken dit graag voor u goed: neem gerust contact met ons op.'] },
    'nl-je': { topic: 'We maken dit graag voor je goed: neem contact met ons op via {topic}.', plain: ['We maken dit graag voor je goed: neem gerust contact met ons op.'] },
  },
  /** A second apology: own it instead (step 4), or leave it out. */
  apology: {
    en: { plain: ['This is not how it should go.', ''] },
    'nl-u': { plain: ['Zo hoort het niet te gaan.', ''] },
    'nl-je': { plain: ['Zo hoort het niet te gaan.', ''] },
  },
};

/** What a blaming or lecturing sentence was about, with the words a rewrite uses for it (ASCII patterns: no Unicode flag, faster). */
export const TOPICS: Record<'en' | 'nl', readonly (readonly [RegExp, string])[]> = {
  en: [
    [/\baddress\b/i, 'the address'],
    [/\bopening hours\b|\bclosing time\b/i, 'our opening hours'],
    [/\b(?:booking|reservation)\b/i, 'the booking'],
    [/\bdelivery\b/i, 'the delivery'],
    [/\border\b/i, 'the order'],
    [/\bdate\b/i, 'the date'],
    [/\btime\b/i, 'the time'],
    [/\bmenu\b/i, 'the menu'],
    [/\ballergen/i, 'the allergen information'],
    [/\bprice|\bcost/i, 'the prices'],
    [/\bsize\b/i, 'the size'],
    [/\b(?:terms|policy|conditions|rules)\b/i, 'our terms'],
  ],
  nl: [
    [/\badres/i, 'het adres'],
    [/openingstijden|openingsuren|sluitingstijd/i, 'onze openingstijden'],
    [/reservering|boeking/i, 'de reservering'],
    [/levering|bezorging|bezorg/i, 'de bezorging'],
    [/bestelling|\border\b/i, 'de bestelling'],
    [/\bdatum\b/i, 'de datum'],
    [/\btijd(?:stip)?\b|\buur\b/i, 'het tijdstip'],
    [/(?:menu)?kaart\b|\bmenu\b/i, 'de kaart'],
    [/allergen/i, 'de allergeneninformatie'],
    [/\bprijs|\bprijzen|\bkosten\b/i, 'de prijzen'],
    [/\bmaat\b/i, 'de maat'],
    [/voorwaarden|huisregels|regels|beleid/i, 'onze voorwaarden'],
  ],
};

/** Slang and its plain word ("" drops it). */
export const SLANG: Record<'en' | 'nl', Record<string, string>> = {
  en: { lol: '', lmao: '', omg: '', thx: 'thanks', tnx: 'thanks', pls: 'please', plz: 'please', gonna: 'going to', wanna: 'want to', gotta: 'have to', dude: '', ya: 'you', cuz: 'because', 'k thx': 'thank you', 'no worries mate': 'you are welcome', xoxo: '' },
  nl: { lol: '', omg: '', thx: 'bedankt', tnx: 'bedankt', pls: 'graag', plz: 'graag', joh: '', toppie: 'fijn', 'hoi hoi': 'hallo', doei: 'tot ziens', xoxo: '', ff: 'even', effe: 'even', nie: 'niet', gwn: 'gewoon', idd: 'inderdaad', sowieso: 'in elk geval', chill: 'prettig' },
};
