import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import type { EventPayload } from '../../shared/contract';
import { tempDataDir } from './helpers';

const NOW = new Date('2026-06-03T10:00:00Z'); // a Wednesday

describe('overdue in the core follows the Settings policy', () => {
  it('judges queries and stats with the owner targets and business hours, tells clients when they change, and the read-only CLI core reads them', async () => {
    const dataDir = await tempDataDir();
    const kalm = await createKalm({ dataDir, host: 'test', now: () => NOW });
    await kalm.call('workspace.loadDemo', { seed: 11 });
    const overdue = async () => ({
      query: (await kalm.call('reviews.query', { status: 'all', overdue: true, limit: 1 })).total,
      stats: (await kalm.call('reviews.stats', {})).overall.overdue,
    });
    const plain = await overdue();
    expect(plain.query).toBeGreaterThan(0);
    expect(plain.stats).toBe(plain.query);

    const events: EventPayload<'reviews.changed'>[] = [];
    kalm.on('reviews.changed', (e) => events.push(e));
    await kalm.call('settings.update', { signer: 'Anna' });
    expect(events).toEqual([]); // not a policy change: nothing to re-query

    await kalm.call('settings.update', { replyTargetHours: { google: 1000, play: 1000, import: 1000 } });
    expect(events).toEqual([{ reason: 'policy', count: 0 }]);
    const lenient = await overdue();
    expect(lenient.query).toBeLessThan(plain.query);
    expect(lenient.stats).toBe(lenient.query);

    await kalm.call('settings.update', { replyTargetHours: { google: 1, play: 1, import: 1 } });
    const strict = await overdue();
    await kalm.call('settings.update', { businessHours: { enabled: true, timeZone: 'Europe/Amsterdam', days: [null, null, null, null, null, null, { open: '09:00', close: '09:30' }] } });
    expect(events).toHaveLength(3);
    const business = await overdue();
    expect(strict.query).toBeGreaterThan(lenient.query);
    // Half an hour a week: a 1-hour target takes two Saturdays, so far fewer reviews are overdue.
    expect(business.query).toBeLessThan(strict.query);
    expect((await kalm.call('reviews.stats', {})).businessHours).toBe(true);
    await kalm.close();

    const cli = await createKalm({ dataDir, host: 'cli', readOnly: true, now: () => NOW });
    expect((await cli.call('reviews.query', { status: 'all', overdue: true, limit: 1 })).total).toBe(business.query);
    expect((await cli.call('reviews.stats', {})).overall.overdue).toBe(business.query);
    await expect(cli.call('settings.update', { signer: 'Bo' })).rejects.toMatchObject({ code: 'locked' });
    await cli.close();
  });
});
