import type { Location } from '../../../../shared/domain/location';
import { mapGoogleLocation } from '../../../../shared/google/map-location';
import { v4ParentOf } from '../../../../shared/google/names';
import type { BusinessApi } from './business-api';
import { GoogleApiError } from '../../google-api/errors';

export interface DiscoveredLocation {
  /** `accounts/{a}` the location was listed under. */
  accountName: string;
  accountDisplayName: string;
  /** Kalm's record: id `{l}`, source `google`, name = title, store code, one-line address, Maps and review links. */
  location: Location;
  /** `accounts/{a}/locations/{l}`: the parent for the v4 review calls. */
  v4Parent: string;
}

export interface Discovery {
  locations: DiscoveredLocation[];
  /** Accounts whose locations could not be listed for lack of permission (the others are still returned). */
  skippedAccounts: { accountName: string; message: string }[];
}

/**
 * Every location the signed-in user can manage: all accounts (paged), then all locations of each (paged).
 * A location seen under two accounts is kept once (under the first). A 403 on one account's locations
 * skips that account; any other failure (quota, sign-in, API disabled, Google down) is thrown.
 */
export async function discoverLocations(api: BusinessApi): Promise<Discovery> {
  const accounts = await api.listAccounts();
  const locations: DiscoveredLocation[] = [];
  const skippedAccounts: Discovery['skippedAccounts'] = [];
  const seen = new Set<string>();
  for (const account of accounts) {
    let listed;
    try {
      listed = await api.listLocations(account.name);
    } catch (err) {
      if (err instanceof GoogleApiError && err.problem === 'permission') {
        skippedAccounts.push({ accountName: account.name, message: err.message });
        continue;
      }
      throw err;
    }
    for (const g of listed) {
      const location = mapGoogleLocation(g);
      if (seen.has(location.id)) continue;
      seen.add(location.id);
      locations.push({
        accountName: account.name,
        accountDisplayName: account.accountName ?? '',
        location,
        v4Parent: v4ParentOf(account.name, g.name),
      });
    }
  }
  return { locations, skippedAccounts };
}
