import type { Location } from '../domain/location';
import { GOOGLE_SOURCE_ID, locationIdOf } from './names';
import type { GbpLocation, GbpPostalAddress } from './schemas';

/** One line for the address: street lines, then "postal code + locality" (e.g. "Oudegracht 112, 3511 AZ Utrecht"). */
export function formatAddress(address: GbpPostalAddress | undefined): string | null {
  if (!address) return null;
  const lines = (address.addressLines ?? []).map((l) => l.trim()).filter((l) => l !== '');
  const town = [address.postalCode, address.locality].map((p) => p?.trim() ?? '').filter((p) => p !== '').join(' ');
  const parts = town === '' ? lines : [...lines, town];
  return parts.length > 0 ? parts.join(', ') : null;
}

const orNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

/** A v1 Location as Kalm's Location (id `{l}`, source `google`). */
export function mapGoogleLocation(g: GbpLocation): Location {
  const id = locationIdOf(g.name);
  if (!id) throw new Error(`Not a Google location name: ${g.name.slice(0, 200)}`);
  return {
    id,
    source: GOOGLE_SOURCE_ID,
    name: g.title ?? '',
    storeCode: orNull(g.storeCode),
    address: formatAddress(g.storefrontAddress),
    mapsUrl: orNull(g.metadata?.mapsUri),
    newReviewUrl: orNull(g.metadata?.newReviewUri),
  };
}
