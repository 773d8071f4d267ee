/**
 * Dutch phrases per step, each in a formal (u) and an informal (je) form; a reply uses one form
 * throughout. One apology lives in "empathise" only.
 */
import { nlPhrase as p, type Phrase } from './types';

export const nlPhrases: readonly Phrase[] = [
  // Bedanken (kritiek): aanhef met de naam, dan dank.
  p('nl.thank.c1', 'thank', 'criticism',
    ['Beste {name},\n\nDank u wel dat u de tijd nam om dit met ons te delen.', 'Goedendag,\n\nDank u wel dat u de tijd nam om dit met ons te delen.'],
    ['Hoi {name},\n\nBedankt dat je de tijd nam om dit met ons te delen.', 'Hallo,\n\nBedankt dat je de tijd nam om dit met ons te delen.']),
  p('nl.thank.c2', 'thank', 'criticism',
    ['Beste {name},\n\nBedankt voor uw eerlijke review.', 'Goedendag,\n\nBedankt voor uw eerlijke review.'],
    ['Beste {name},\n\nBedankt voor je eerlijke review.', 'Hallo,\n\nBedankt voor je eerlijke review.']),
  p('nl.thank.c3', 'thank', 'criticism',
    ['Beste {name},\n\nHartelijk dank voor uw reactie; hier leren we van.', 'Goedendag,\n\nHartelijk dank voor uw reactie; hier leren we van.'],
    ['Hallo {name},\n\nDank je wel voor je reactie; hier leren we van.', 'Hallo,\n\nDank je wel voor je reactie; hier leren we van.']),
  // Inleven: de enige excuses van het antwoord, voor wat er gebeurde.
  p('nl.empathise.1', 'empathise', 'criticism', ['Het spijt ons dat we u niet goed geholpen hebben.'], ['Het spijt ons dat we je niet goed geholpen hebben.']),
  p('nl.empathise.2', 'empathise', 'criticism', ['Ik kan me voorstellen hoe vervelend dat was, en het spijt me dat het zo gelopen is.']),
  p('nl.empathise.3', 'empathise', 'criticism', ['Sorry, zo’n ervaring gunnen we niemand.']),
  p('nl.empathise.4', 'empathise', 'criticism', ['Wat vervelend dat uw bezoek zo verliep; onze excuses daarvoor.'], ['Wat vervelend dat je bezoek zo verliep; onze excuses daarvoor.']),
  // Verantwoordelijkheid nemen.
  p('nl.own.1', 'own', 'criticism', ['Zo hoort het niet te gaan.']),
  p('nl.own.2', 'own', 'criticism', ['Dit past niet bij hoe wij willen werken, en we nemen het serieus.']),
  p('nl.own.3', 'own', 'criticism', ['Dat is onze verantwoordelijkheid; we zoeken uit wat er misging.']),
  p('nl.own.4', 'own', 'criticism', ['We hebben uw review met het team besproken, zodat dit niet opnieuw gebeurt.'], ['We hebben je review met het team besproken, zodat dit niet opnieuw gebeurt.']),
  // Een opening bieden: een kanaal van het bedrijf, nooit gegevens van de reviewer.
  p('nl.offer.1', 'offer', 'criticism',
    ['We maken het graag goed. Wilt u contact met ons opnemen via {contact}? Dan zoeken we samen naar een oplossing.'],
    ['We maken het graag goed. Wil je contact met ons opnemen via {contact}? Dan zoeken we samen naar een oplossing.']),
  p('nl.offer.2', 'offer', 'criticism', ['Neemt u gerust contact met ons op via {contact}; we horen graag meer.'], ['Neem gerust contact met ons op via {contact}; we horen graag meer.']),
  p('nl.offer.3', 'offer', 'criticism',
    ['We horen graag meer en maken het graag goed. Wilt u ons een bericht sturen? Dan nemen we direct contact met u op.'],
    ['We horen graag meer en maken het graag goed. Wil je ons een bericht sturen? Dan nemen we direct contact met je op.']),
  p('nl.offer.4', 'offer', 'criticism', ['We zoeken het nu uit. Als u wilt, bellen we u graag terug: stuur ons gerust een bericht.'], ['We zoeken het nu uit. Als je wilt, bellen we je graag terug: stuur ons gerust een bericht.']),
  p('nl.offer.5', 'offer', 'criticism', ['Vraagt u bij uw volgende bezoek gerust naar de bedrijfsleider, dan praten we het samen door.'], ['Vraag bij je volgende bezoek gerust naar de bedrijfsleider, dan praten we het samen door.']),
  // Bedanken (lof).
  p('nl.thank.p1', 'thank', 'praise',
    ['Beste {name},\n\nHartelijk dank voor uw mooie review.', 'Goedendag,\n\nHartelijk dank voor uw mooie review.'],
    ['Hoi {name},\n\nDank je wel voor je mooie review.', 'Hallo,\n\nDank je wel voor je mooie review.']),
  p('nl.thank.p2', 'thank', 'praise',
    ['Beste {name},\n\nDank u wel voor uw vriendelijke woorden.', 'Goedendag,\n\nDank u wel voor uw vriendelijke woorden.'],
    ['Hoi {name},\n\nBedankt voor je lieve woorden.', 'Hallo,\n\nBedankt voor je lieve woorden.']),
  p('nl.thank.p3', 'thank', 'praise',
    ['Beste {name},\n\nWat een mooie review, hartelijk dank daarvoor.', 'Goedendag,\n\nWat een mooie review, hartelijk dank daarvoor.'],
    ['Hallo {name},\n\nWat een mooie review, dank je wel.', 'Hallo,\n\nWat een mooie review, dank je wel.']),
  // Benoemen wat ze goed vonden ({topic} citeert de review).
  p('nl.liked.t1', 'liked', 'praise', ['Wat fijn om “{topic}” te lezen: daar doen we het voor.']),
  p('nl.liked.t2', 'liked', 'praise', ['U schreef “{topic}”, en daar worden we blij van.'], ['Je schreef “{topic}”, en daar worden we blij van.']),
  p('nl.liked.t3', 'liked', 'praise', ['Fijn om te horen wat u het meest beviel: “{topic}”.'], ['Fijn om te horen wat je het meest beviel: “{topic}”.']),
  p('nl.liked.1', 'liked', 'praise', ['Wat fijn dat u het naar uw zin had.'], ['Wat fijn dat je het naar je zin had.']),
  p('nl.liked.2', 'liked', 'praise', ['Fijn om te lezen dat alles naar wens was.']),
  p('nl.liked.3', 'liked', 'praise', ['Uw mooie woorden maken onze dag goed.'], ['Je mooie woorden maken onze dag goed.']),
  // Opnieuw uitnodigen.
  p('nl.invite.l1', 'invite', 'praise', ['We hopen u snel weer te verwelkomen in {location}.'], ['We hopen je snel weer te zien in {location}.']),
  p('nl.invite.b1', 'invite', 'praise', ['Graag tot snel bij {business}.']),
  p('nl.invite.1', 'invite', 'praise', ['We zien u graag weer terug.'], ['We zien je graag weer terug.']),
  p('nl.invite.2', 'invite', 'praise', ['Graag tot een volgende keer.']),
  p('nl.invite.3', 'invite', 'praise', ['We hopen u snel weer te mogen begroeten.'], ['Hopelijk tot snel weer.']),
  // Afsluiten met de handtekening (voornaam of ^initialen).
  p('nl.close.1', 'close', 'any', ['Met vriendelijke groet,\n{signature}'], ['Groeten,\n{signature}']),
  p('nl.close.2', 'close', 'any', ['Met hartelijke groet,\n{signature}'], ['Hartelijke groet,\n{signature}']),
  p('nl.close.3', 'close', 'any', ['Vriendelijke groeten,\n{signature}'], ['Tot ziens,\n{signature}']),
];
