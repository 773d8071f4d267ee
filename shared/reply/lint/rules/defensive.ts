/**
 * Arguing with the reviewer: "that is not true", "dat klopt niet", "you are wrong", "this review is fake",
 * "nobody else complained". Must fix: readers take the reviewer's side when a business argues.
 * "Dat klopt: …" and "dit klopt niet met hoe wij willen werken" are fine.
 */
import { anyOfLower, lowerOf, hitsOf, matchAll, sentenceFindings, sentenceSpan } from '../match';
import type { LintRule } from '../types';

const en = anyOfLower([
  "(?:that|this|it|which|what you (?:say|write|wrote|claim|describe))(?:'s| is| was)(?: simply| just| absolutely| completely| totally| entirely| plainly)? (?:not |un)true",
  "(?:that|this|it)(?:'s| is| was)(?: simply| just| absolutely| completely| totally)? (?:false|a lie|nonsense|rubbish|not (?:what|how) (?:it|things) happened)",
  "(?:this|that)(?: simply| just)? (?:never|did not|didn't) happen(?:ed)?",
  "you(?:'re| are| were) (?:simply |just |completely |totally )?(?:wrong|mistaken|lying|exaggerating|making (?:this|that|it|things) up)",
  "(?:your|this) (?:review|story|complaint|account) is (?:simply |completely )?(?:fake|false|a lie|dishonest|made up|untrue|exaggerated|nonsense|unfair)",
  'with all (?:due )?respect',
  'in (?:our|my) (?:own )?defen[cs]e',
  'we are not to blame',
  "(?:it was|it's|it is|this is|this was|that is|that was) not our (?:fault|problem)",
  "we (?:strongly |firmly |completely )?(?:deny|dispute|reject|contest) (?:this|that|these|your|the)",
  "(?:no one|nobody|no other (?:customer|guest|client)) (?:else )?(?:has |had |have )?(?:ever )?(?:complained|had (?:a|any) (?:problem|issue|complaint))",
  '(?:all|every one of|each of) (?:our )?(?:other )?(?:customers|guests|clients) (?:love|loved|are happy|were happy|enjoyed|enjoy)',
  "we (?:have )?never (?:had|received) (?:a |any )?(?:complaint|complaints)",
]);

const nl = anyOfLower([
  '(?:dat|dit|het|da|wat u (?:schrijft|zegt|beweert)|wat je (?:schrijft|zegt|beweert)) is (?:gewoon |echt |helemaal |absoluut |simpelweg |pertinent |nie |toch )?(?:niet waar|nie waar|onwaar|onzin|een leugen|gelogen|nonsens|larie)',
  "da's (?:gewoon |echt |helemaal )?(?:niet|nie) waar",
  '(?:dat|dit|da) klopt (?:gewoon |echt |helemaal |absoluut |simpelweg |pertinent |totaal )?(?:niet|nie)(?! met| zoals| hoe| bij| helemaal met)',
  '(?:u heeft|u hebt|je hebt|jij hebt|ge hebt|gij hebt) het (?:helemaal |echt |totaal )?(?:mis|fout)',
  '(?:u vergist zich|je vergist je|jij vergist je|ge vergist u)',
  '(?:u|je|jij|ge|gij) (?:liegt|overdrijft|verzint)',
  '(?:deze|uw|je|jouw|dit) (?:review|recensie|verhaal|klacht) is (?:gewoon |echt |helemaal |pure )?(?:nep|vals|gelogen|verzonnen|onwaar|niet eerlijk|overdreven|onterecht|oneerlijk|fake|onzin)',
  'dat is (?:echt |gewoon )?niet (?:zo|eerlijk)',
  'met (?:alle|al het verschuldigde) respect',
  '(?:wij|we) zijn (?:hier )?niet (?:schuldig|verantwoordelijk|aansprakelijk)',
  '(?:het|dat|dit) is (?:echt |gewoon |zeker )?niet onze schuld',
  '(?:het|dat|dit) is (?:echt |gewoon )?ons probleem niet',
  '(?:wij|we) (?:ontkennen|betwisten|weerleggen|weerspreken) (?:dit|dat|deze|uw|je|de)',
  '(?:niemand|geen enkele (?:andere )?(?:klant|gast)) (?:anders )?(?:heeft|had) (?:ooit |hier ooit |hier )?(?:geklaagd|een klacht|problemen|een probleem)',
  '(?:al onze andere|alle andere|al onze|onze andere) (?:klanten|gasten) (?:zijn|waren) (?:wel |altijd |heel )?(?:tevreden|blij|enthousiast)',
  '(?:wij|we) (?:hebben )?nooit (?:eerder )?(?:klachten|een klacht) (?:gehad|gekregen)',
], { skipInWords: true });

/** A one-word rebuttal that opens a sentence: "Not true.", "Wrong!", "Onzin.", "Klopt niet." */
const enOpening = anyOfLower(["(?:not true|untrue|nonsense|rubbish|false|wrong|lies|that's a lie)(?=\\s*[.!,:;])"]);
const nlOpening = anyOfLower(['(?:klopt niet|klopt nie|niet waar|nie waar|onzin|nonsens|larie|gelogen|fout)(?=\\s*[.!,:;])']);

export const defensiveRule: LintRule = {
  id: 'defensive',
  check(text, { lang }) {
    const hits = hitsOf(lowerOf(text), [[lang === 'nl' ? nl : en, 'defensive']]);
    for (const m of matchAll(lowerOf(text), lang === 'nl' ? nlOpening : enOpening)) if (sentenceSpan(text, m.index).start === m.index) hits.push({ index: m.index, key: 'defensive' });
    return sentenceFindings(text, hits, 'defensive', 'error');
  },
};
