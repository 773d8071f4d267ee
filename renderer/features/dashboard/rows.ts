import type { StatsSummary } from '../../../shared/reviews/stats-schema';
import type { FiguresRow } from './FiguresTable';

/** The inbox, filtered on one location (the app's hash routes: `#/inbox?location=ID`). */
export const inboxHref = (locationId: string): string => `#/inbox?location=${encodeURIComponent(locationId)}`;

/** Rows are marked late when their clock-time median passes the target; not when targets count business hours (the cards judge those). */
export function locationRows(s: StatsSummary): FiguresRow[] {
  const targets = new Map(s.businessHours ? [] : s.sources.map((r) => [r.source, r.targetHours]));
  return s.locations.map((l) => ({ ...l, key: `${l.source}:${l.locationId}`, name: l.locationName, href: inboxHref(l.locationId), targetHours: targets.get(l.source) }));
}

export const sourceRows = (s: StatsSummary): FiguresRow[] =>
  s.sources.map(({ targetHours, ...r }) => ({ ...r, key: r.source, name: r.sourceName, ...(s.businessHours ? {} : { targetHours }) }));
