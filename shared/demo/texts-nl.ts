import type { TextBank } from './types';

/** Dutch (and a little Flemish) review fragments for a bakery-café. `{city}` is the location's town. */
export const TEXTS_NL: TextBank = {
  pos: {
    bread: [
      'Het zuurdesembrood is echt top: knapperige korst en lekker luchtig van binnen.',
      'Eindelijk een bakker met écht brood, geen opgeblazen fabriekswerk.',
      'Het spelt-walnotenbrood blijft dagen vers.',
      'Elke zaterdag haal ik hier ons volkorenbrood en het stelt nooit teleur.',
      'De baguettes zijn nog warm als je ze koopt, heerlijk.',
      'Het roggebrood met zaden is het beste dat ik in {city} heb gegeten.',
    ],
    pastry: [
      'De appeltaart is zoals oma hem maakte, met veel kaneel.',
      'De croissants zijn boterig en luchtig, precies zoals het hoort.',
      'De kaneelbroodjes zijn verslavend, ik neem er altijd een extra mee.',
      'Voor de verjaardag van mijn dochter een taart besteld en iedereen was er stil van.',
      'De tompouces zijn vers en niet te zoet.',
      'De worstenbroodjes zijn nog warm en goed gekruid.',
    ],
    coffee: [
      'De koffie is sterk en vol van smaak, de cappuccino heeft een mooie schuimlaag.',
      'Lekkere flat white en ze hebben ook havermelk.',
      'Een kop koffie met een stuk taart aan het raam: mijn favoriete start van de zondag.',
      'De koffie komt van een lokale brander en dat proef je.',
    ],
    staff: [
      'Het personeel is ontzettend vriendelijk en denkt met je mee.',
      'De medewerkers kennen inmiddels onze bestelling, dat voelt echt als thuiskomen.',
      'Zeer behulpzaam meisje achter de toonbank, ze gaf goed advies over glutenvrij brood.',
      'Altijd een glimlach en een praatje, ook als het druk is.',
      'De eigenaar neemt zelf de tijd om uit te leggen hoe het brood gemaakt wordt.',
    ],
    waiting: [
      'Ondanks de rij waren we snel aan de beurt.',
      'Het was druk, maar alles liep soepel en we hoefden nauwelijks te wachten.',
      'Bestelling stond binnen vijf minuten klaar.',
    ],
    price: [
      'Niet de goedkoopste, maar de kwaliteit is het meer dan waard.',
      'Eerlijke prijzen voor ambachtelijk brood.',
      'Voor deze kwaliteit vind ik de prijzen heel redelijk.',
    ],
    clean: [
      'De zaak is altijd brandschoon en netjes.',
      'Schone tafels en een frisse toilet, dat zie je niet overal.',
    ],
    order: [
      'Online besteld en alles lag keurig klaar met mijn naam erop.',
      'De taart voor ons jubileum was precies zoals afgesproken.',
      'Ze hadden zelfs aan de kaarsjes gedacht.',
    ],
    parking: [
      'Handig dat je fiets vlak voor de deur kan.',
      'Er is parkeergelegenheid om de hoek, dus met de auto is ook goed te doen.',
    ],
    hours: [
      'Fijn dat ze ook op zondagochtend open zijn.',
      'Al om zeven uur open, ideaal voor onderweg naar het werk.',
    ],
    seating: [
      'Gezellig terras aan de gracht, perfect in het zonnetje.',
      'Mooi ingericht met veel licht en plantjes, je zit er heerlijk.',
      'Er is een fijne hoek voor kinderen, dus wij kunnen rustig koffiedrinken.',
    ],
    lunch: [
      'De lunch met tomatensoep en een broodje oude kaas was prima verzorgd.',
      'Het broodje carpaccio was royaal belegd.',
      'Goede vegetarische opties voor de lunch.',
    ],
  },
  neg: {
    bread: [
      'Het brood was de volgende dag al oud en taai.',
      'Mijn volkorenbrood was van binnen nog klef, echt niet goed doorgebakken.',
      'Om elf uur was het zuurdesembrood al op, terwijl ik er speciaal voor kwam.',
      'Het stokbrood was aangebrand aan de onderkant.',
    ],
    pastry: [
      'De appeltaart was droog en smaakte alsof hij van gisteren was.',
      'De croissants waren slap en vettig.',
      'De slagroom op de taart was zuur, dat mag gewoon niet gebeuren.',
      'Voor een taart van dertig euro had ik veel meer verwacht.',
    ],
    coffee: [
      'De koffie was lauw en smaakte bitter.',
      'Mijn cappuccino kwam zonder schuim en half koud op tafel.',
      'Ik vroeg om havermelk en kreeg gewone melk, terwijl ik lactose-intolerant ben.',
    ],
    staff: [
      'Het personeel was kortaf en keek ons nauwelijks aan.',
      'De jongen achter de kassa stond met zijn telefoon te spelen terwijl wij wachtten.',
      'Toen ik vroeg of er noten in zaten, kreeg ik een geïrriteerde zucht als antwoord.',
      'Onvriendelijke bediening, we voelden ons niet welkom.',
    ],
    waiting: [
      'We stonden twintig minuten aan de toonbank zonder dat iemand ons hielp.',
      'Veertig minuten gewacht op twee broodjes, dat is echt te lang.',
      'Er stond maar één persoon achter de toonbank en de rij kwam niet vooruit.',
      'Onze bestelling werd vergeten, pas na een half uur kwam er iets.',
    ],
    price: [
      'Vier euro vijftig voor een croissant is gewoon belachelijk.',
      'De prijzen zijn flink omhoog gegaan, maar de porties zijn kleiner geworden.',
      'Veel te duur voor wat je krijgt.',
    ],
    clean: [
      'De tafels waren plakkerig en niemand ruimde af.',
      'Het toilet was vies en er was geen zeep.',
      'Er lagen kruimels en lege bekers op de vensterbank.',
    ],
    order: [
      'Ik had een taart besteld voor zaterdag, maar die was er gewoon niet.',
      'Verkeerde bestelling meegekregen en thuis pas gezien.',
      'Ik kreeg een wit brood in plaats van het glutenvrije brood dat ik had gevraagd.',
      'Bij de online bestelling ontbraken twee broodjes.',
    ],
    parking: [
      'Parkeren is een drama, je staat altijd dubbel.',
      'Geen plek voor je fiets, alles staat vol.',
    ],
    hours: [
      'Volgens Google open tot zes uur, maar om vijf uur ging de deur al op slot.',
      'Op maandag dicht zonder dat het ergens vermeld stond.',
    ],
    seating: [
      'Veel te weinig zitplekken, we moesten staand onze koffie drinken.',
      'Het is er zo lawaaierig dat je elkaar niet kunt verstaan.',
    ],
    lunch: [
      'Het broodje gezond was karig belegd en de sla was slap.',
      'De soep was lauw en veel te zout.',
    ],
  },
  open: {
    5: ['Wat een heerlijke bakker!', 'Onze vaste stek in {city}.', 'Al jaren klant en nog steeds fan.', 'Echt de max!'],
    4: ['Fijne zaak.', 'Goede bakker in de buurt.', 'Vandaag voor het eerst geweest.'],
    3: ['Wisselende ervaring.', 'Het kan beter.', 'Gemengde gevoelens na ons bezoek.'],
    2: ['Jammer, dit was altijd onze vaste bakker.', 'Helaas een teleurstellend bezoek.', 'Vroeger was het hier beter.'],
    1: ['Nooit meer.', 'Wat een teleurstelling.', 'Zeer slechte ervaring.', 'Ik ben echt boos.'],
  },
  close: {
    5: ['Aanrader!', 'Wij komen zeker terug.', 'Ga zo door!', 'Een aanwinst voor de buurt.', 'Top! 👍'],
    4: ['We komen graag nog eens terug.', 'Zeker een aanrader.', 'Verder prima.'],
    3: ['Ik geef ze nog een kans.', 'Misschien een slechte dag?', 'Voor nu drie sterren.'],
    2: ['Ik twijfel of ik terugkom.', 'Doe hier alsjeblieft iets aan.', 'Zonde.'],
    1: ['Hier ga ik nooit meer heen.', 'Niet aan te raden.', 'Zonde van het geld.', 'Ik heb mijn geld teruggevraagd, zonder resultaat.'],
  },
  short: {
    5: ['Top!', 'Heerlijk brood!', 'Beste bakker van {city}.', 'Altijd goed.', 'Super vriendelijk en lekker 😍', 'Aanrader!'],
    4: ['Prima bakker.', 'Lekker brood, vriendelijk personeel.', 'Goed, wel een beetje prijzig.'],
    3: ['Gaat wel.', 'Prima, niet bijzonder.', 'Lekker, maar lang wachten.'],
    2: ['Valt tegen.', 'Duur en niet lekker.', 'Niet meer wat het was.'],
    1: ['Slechte service.', 'Nooit meer.', 'Oud brood verkocht gekregen.', 'Onvriendelijk personeel.'],
  },
  but: ['Maar', 'Alleen jammer:', 'Wel een minpunt:', 'Helaas'],
};
