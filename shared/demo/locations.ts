import type { Location } from '../domain/location';
import type { Rng } from './random';
import type { Country, DemoSite, Signer } from './types';

/** The fictional business every demo location belongs to. */
export const BUSINESS_NAME = 'Bakkerij Zonnig';
export const SOURCE_ID = 'google';

interface Town {
  slug: string;
  city: string;
  country: Country;
  code: string;
  street: string;
  postcode: string;
  /** Area code without the leading 0, e.g. "30" for Utrecht. */
  area: string;
}

/** The first three are the default demo; the rest (and repeats) fill large benchmark workspaces. */
const TOWNS: readonly Town[] = [
  { slug: 'utrecht', city: 'Utrecht', country: 'NL', code: 'UTR', street: 'Oudegracht', postcode: '3511 AZ', area: '30' },
  { slug: 'gent', city: 'Gent', country: 'BE', code: 'GNT', street: 'Veldstraat', postcode: '9000', area: '9' },
  { slug: 'amsterdam', city: 'Amsterdam', country: 'NL', code: 'AMS', street: 'Haarlemmerstraat', postcode: '1013 EW', area: '20' },
  { slug: 'rotterdam', city: 'Rotterdam', country: 'NL', code: 'RTM', street: 'Witte de Withstraat', postcode: '3012 BP', area: '10' },
  { slug: 'antwerpen', city: 'Antwerpen', country: 'BE', code: 'ANT', street: 'Kammenstraat', postcode: '2000', area: '3' },
  { slug: 'den-haag', city: 'Den Haag', country: 'NL', code: 'DHG', street: 'Prinsestraat', postcode: '2513 CE', area: '70' },
  { slug: 'leuven', city: 'Leuven', country: 'BE', code: 'LEU', street: 'Bondgenotenlaan', postcode: '3000', area: '16' },
  { slug: 'haarlem', city: 'Haarlem', country: 'NL', code: 'HLM', street: 'Gierstraat', postcode: '2011 GA', area: '23' },
  { slug: 'brugge', city: 'Brugge', country: 'BE', code: 'BRG', street: 'Steenstraat', postcode: '8000', area: '50' },
  { slug: 'groningen', city: 'Groningen', country: 'NL', code: 'GRN', street: 'Folkingestraat', postcode: '9711 JV', area: '50' },
  { slug: 'eindhoven', city: 'Eindhoven', country: 'NL', code: 'EHV', street: 'Kleine Berg', postcode: '5611 JS', area: '40' },
  { slug: 'mechelen', city: 'Mechelen', country: 'BE', code: 'MEC', street: 'Bruul', postcode: '2800', area: '15' },
  { slug: 'den-bosch', city: "'s-Hertogenbosch", country: 'NL', code: 'DBS', street: 'Korte Putstraat', postcode: '5211 KP', area: '73' },
  { slug: 'nijmegen', city: 'Nijmegen', country: 'NL', code: 'NIJ', street: 'Lange Hezelstraat', postcode: '6511 CB', area: '24' },
  { slug: 'hasselt', city: 'Hasselt', country: 'BE', code: 'HAS', street: 'Hoogstraat', postcode: '3500', area: '11' },
  { slug: 'zwolle', city: 'Zwolle', country: 'NL', code: 'ZWL', street: 'Diezerstraat', postcode: '8011 RH', area: '38' },
  { slug: 'leiden', city: 'Leiden', country: 'NL', code: 'LEI', street: 'Breestraat', postcode: '2311 CK', area: '71' },
  { slug: 'kortrijk', city: 'Kortrijk', country: 'BE', code: 'KRT', street: 'Lange Steenstraat', postcode: '8500', area: '56' },
  { slug: 'maastricht', city: 'Maastricht', country: 'NL', code: 'MST', street: 'Stokstraat', postcode: '6211 GN', area: '43' },
  { slug: 'delft', city: 'Delft', country: 'NL', code: 'DLF', street: 'Choorstraat', postcode: '2611 JG', area: '15' },
  { slug: 'aalst', city: 'Aalst', country: 'BE', code: 'AAL', street: 'Nieuwstraat', postcode: '9300', area: '53' },
  { slug: 'amersfoort', city: 'Amersfoort', country: 'NL', code: 'AMF', street: 'Langestraat', postcode: '3811 AA', area: '33' },
  { slug: 'breda', city: 'Breda', country: 'NL', code: 'BRD', street: 'Ginnekenstraat', postcode: '4811 JB', area: '76' },
  { slug: 'roeselare', city: 'Roeselare', country: 'BE', code: 'ROE', street: 'Ooststraat', postcode: '8800', area: '51' },
  { slug: 'arnhem', city: 'Arnhem', country: 'NL', code: 'ARN', street: 'Vijzelstraat', postcode: '6811 EV', area: '26' },
  { slug: 'deventer', city: 'Deventer', country: 'NL', code: 'DEV', street: 'Brink', postcode: '7411 BR', area: '570' },
  { slug: 'sint-niklaas', city: 'Sint-Niklaas', country: 'BE', code: 'SNK', street: 'Stationsstraat', postcode: '9100', area: '3' },
  { slug: 'alkmaar', city: 'Alkmaar', country: 'NL', code: 'ALK', street: 'Langestraat', postcode: '1811 JB', area: '72' },
  { slug: 'gouda', city: 'Gouda', country: 'NL', code: 'GDA', street: 'Lange Tiendeweg', postcode: '2801 KE', area: '182' },
  { slug: 'oostende', city: 'Oostende', country: 'BE', code: 'OOS', street: 'Kapellestraat', postcode: '8400', area: '59' },
  { slug: 'tilburg', city: 'Tilburg', country: 'NL', code: 'TLB', street: 'Heuvelstraat', postcode: '5038 AC', area: '13' },
  { slug: 'genk', city: 'Genk', country: 'BE', code: 'GNK', street: 'Molenstraat', postcode: '3600', area: '89' },
];

/** Fixed staff for the three default locations, so screenshots and tests stay familiar. */
const DEFAULT_SIGNERS: readonly (readonly Signer[])[] = [
  [{ first: 'Anouk', initials: 'AV' }, { first: 'Joris', initials: 'JW' }],
  [{ first: 'Lotte', initials: 'LC' }, { first: 'Wout', initials: 'WP' }],
  [{ first: 'Mila', initials: 'MJ' }, { first: 'Ayoub', initials: 'AH' }],
];

const STAFF_NL: readonly Signer[] = [
  { first: 'Femke', initials: 'FB' }, { first: 'Thijs', initials: 'TK' }, { first: 'Iris', initials: 'IM' },
  { first: 'Bram', initials: 'BS' }, { first: 'Noor', initials: 'NH' }, { first: 'Sem', initials: 'SD' },
  { first: 'Yara', initials: 'YB' }, { first: 'Ruben', initials: 'RL' }, { first: 'Esra', initials: 'EK' },
];
const STAFF_BE: readonly Signer[] = [
  { first: 'Elke', initials: 'EJ' }, { first: 'Pieter-Jan', initials: 'PJV' }, { first: 'Marie', initials: 'MD' },
  { first: 'Jens', initials: 'JM' }, { first: 'Hanne', initials: 'HW' }, { first: 'Seppe', initials: 'SG' },
];

const BASE_WEIGHTS = [1.3, 1.0, 0.9];

function digits(rng: Rng, n: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < n) out += String(rng.int(0, 9));
  return out;
}

const PLACE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function placeId(rng: Rng): string {
  let out = 'ChIJ';
  for (let i = 0; i < 23; i++) out += PLACE_ID_CHARS.charAt(rng.int(0, PLACE_ID_CHARS.length - 1));
  return out;
}

/** A local phone number as printed on the shop window, e.g. "030 231 45 67" or "09 223 45 67". */
function phone(rng: Rng, town: Town): string {
  const local = String(rng.int(2, 9)) + digits(rng, (town.country === 'NL' ? 9 : 8) - town.area.length - 1);
  const pairs = local.slice(local.length - 4).replace(/(\d\d)(\d\d)/, '$1 $2');
  return `0${town.area} ${local.slice(0, local.length - 4)} ${pairs}`;
}

function town(index: number): { town: Town; round: number } {
  const t = TOWNS[index % TOWNS.length];
  if (t === undefined) throw new Error('no towns');
  return { town: t, round: Math.floor(index / TOWNS.length) };
}

/** Builds `count` demo locations; the first three are Utrecht, Gent and Amsterdam. */
export function buildSites(rng: Rng, count: number): DemoSite[] {
  const sites: DemoSite[] = [];
  for (let i = 0; i < count; i++) {
    const { town: t, round } = town(i);
    const suffix = round === 0 ? '' : ` ${round + 1}`;
    const id = round === 0 ? t.slug : `${t.slug}-${round + 1}`;
    const tld = t.country === 'NL' ? 'nl' : 'be';
    const houseNumber = rng.int(2, 180);
    sites.push({
      id,
      name: `${BUSINESS_NAME} ${t.city}${suffix}`,
      city: t.city,
      country: t.country,
      storeCode: `ZON-${t.code}-${String(round + 1).padStart(2, '0')}`,
      address: `${t.street} ${houseNumber}, ${t.postcode} ${t.city}, ${t.country === 'NL' ? 'Nederland' : 'België'}`,
      cid: digits(rng, 19),
      placeId: placeId(rng),
      email: `${id.replace(/-/g, '')}@bakkerijzonnig.${tld}`,
      phone: phone(rng, t),
      signers: DEFAULT_SIGNERS[i] ?? rng.sample(t.country === 'NL' ? STAFF_NL : STAFF_BE, 2),
      weight: BASE_WEIGHTS[i] ?? 0.5 + rng.next(),
    });
  }
  return sites;
}

export function toLocation(site: DemoSite): Location {
  return {
    id: site.id,
    source: SOURCE_ID,
    name: site.name,
    storeCode: site.storeCode,
    address: site.address,
    mapsUrl: `https://maps.google.com/?cid=${site.cid}`,
    newReviewUrl: `https://search.google.com/local/writereview?placeid=${site.placeId}`,
  };
}
