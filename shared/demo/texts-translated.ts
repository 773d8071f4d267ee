import type { TranslatedBank } from './types';

/** Languages whose reviews arrive with a "(Translated by Google)" Dutch translation. */
export type ForeignLanguage = 'de' | 'fr' | 'en';

/** Sentences in the reviewer's language, each with the Dutch machine translation Google adds. */
export const TRANSLATED: Record<ForeignLanguage, TranslatedBank> = {
  de: {
    pos: [
      ['bread', 'Das Sauerteigbrot ist hervorragend, schön knusprig.', 'Het zuurdesembrood is uitstekend, lekker knapperig.'],
      ['pastry', 'Der Apfelkuchen war der beste unserer ganzen Reise.', 'De appeltaart was de beste van onze hele reis.'],
      ['coffee', 'Sehr guter Kaffee und freundliche Bedienung.', 'Zeer goede koffie en vriendelijke bediening.'],
      ['staff', 'Das Personal sprach sogar ein bisschen Deutsch mit uns.', 'Het personeel sprak zelfs een beetje Duits met ons.'],
      ['seating', 'Wir saßen gemütlich am Fenster und haben das Frühstück genossen.', 'We zaten gezellig aan het raam en hebben genoten van het ontbijt.'],
      ['lunch', 'Die Suppe zum Mittagessen war lecker und günstig.', 'De soep bij de lunch was lekker en voordelig.'],
    ],
    neg: [
      ['waiting', 'Wir mussten fast eine halbe Stunde warten.', 'We moesten bijna een half uur wachten.'],
      ['staff', 'Die Bedienung war leider sehr unfreundlich.', 'De bediening was helaas erg onvriendelijk.'],
      ['price', 'Für zwei Kaffee und zwei Croissants viel zu teuer.', 'Veel te duur voor twee koffie en twee croissants.'],
      ['clean', 'Die Tische waren schmutzig.', 'De tafels waren vies.'],
      ['pastry', 'Der Kuchen war trocken und nicht frisch.', 'De taart was droog en niet vers.'],
    ],
  },
  fr: {
    pos: [
      ['pastry', 'Les croissants sont délicieux, presque comme à Paris.', 'De croissants zijn heerlijk, bijna zoals in Parijs.'],
      ['bread', 'Très bon pain au levain.', 'Zeer goed zuurdesembrood.'],
      ['staff', 'Personnel adorable qui a pris le temps de nous conseiller.', 'Lief personeel dat de tijd nam om ons te adviseren.'],
      ['coffee', 'Le café est excellent.', 'De koffie is uitstekend.'],
      ['seating', 'Endroit très agréable pour un petit-déjeuner.', 'Zeer aangename plek voor een ontbijt.'],
    ],
    neg: [
      ['waiting', "Beaucoup trop d'attente pour un simple café.", 'Veel te lang wachten voor een gewone koffie.'],
      ['staff', 'Accueil froid, on ne nous a même pas dit bonjour.', 'Koele ontvangst, we werden niet eens begroet.'],
      ['order', "Ma commande n'était pas prête à l'heure convenue.", 'Mijn bestelling was niet klaar op het afgesproken tijdstip.'],
      ['price', 'Trop cher pour la qualité.', 'Te duur voor de kwaliteit.'],
      ['bread', 'Le pain était rassis.', 'Het brood was oudbakken.'],
    ],
  },
  en: {
    pos: [
      ['pastry', 'Best cinnamon buns in town.', 'De beste kaneelbroodjes van de stad.'],
      ['staff', 'The staff switched to English for us without blinking.', 'Het personeel schakelde zonder aarzelen voor ons over op Engels.'],
      ['bread', 'Lovely sourdough, we took two loaves home.', 'Heerlijk zuurdesem, we namen twee broden mee naar huis.'],
      ['coffee', 'Great flat white.', 'Geweldige flat white.'],
      ['seating', 'Cosy place with a lovely view of the canal.', 'Gezellige plek met een prachtig uitzicht op de gracht.'],
    ],
    neg: [
      ['waiting', 'We waited ages for a simple coffee.', 'We wachtten eeuwen op een simpele koffie.'],
      ['staff', 'The girl at the till was quite rude.', 'Het meisje bij de kassa was behoorlijk onbeleefd.'],
      ['price', 'Very expensive for what it is.', 'Erg duur voor wat het is.'],
      ['pastry', 'The cake was dry.', 'De taart was droog.'],
    ],
  },
};
