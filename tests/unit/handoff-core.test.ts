import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { demoCore } from './demo-core';

describe('notes, assignees and hand-off', () => {
  it('keeps a private note and an assignee, filters "assigned to me", and forwards to a department with a mailto link', async () => {
    const { kalm, dataDir, ids } = await demoCore();
    const id = ids[0] ?? '';
    await kalm.call('settings.update', {
      team: [{ id: 'anna', name: 'Anna' }, { id: 'bram', name: 'Bram' }], me: 'anna',
      departments: [{ id: 'kitchen', name: 'Keuken', email: 'keuken@bakkerij.example' }],
    });
    // Changing one setting keeps the others (a patch does not fill in defaults).
    await kalm.call('settings.update', { alertMaxRating: 1 });
    expect(await kalm.call('settings.get', {})).toMatchObject({ me: 'anna', departments: [expect.objectContaining({ id: 'kitchen' })], alertMaxRating: 1 });
    await kalm.call('notes.set', { reviewId: id, note: 'Klant belde ook: koffie & taart koud?' });
    await kalm.call('handoff.assign', { reviewId: id, assignee: 'anna' });
    await expect(kalm.call('handoff.assign', { reviewId: id, assignee: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await kalm.call('reviews.query', { status: 'all', assignee: 'anna' })).items.map((r) => r.id)).toEqual([id]);

    const review = await kalm.call('reviews.get', { id });
    const { forward, mailto, text } = await kalm.call('handoff.forward', { reviewId: id, departmentId: 'kitchen' });
    expect(forward).toMatchObject({ reviewId: id, departmentName: 'Keuken', state: 'open', handledAt: null });
    expect(mailto.startsWith('mailto:keuken@bakkerij.example?subject=')).toBe(true);
    const url = new URL(mailto);
    const body = url.searchParams.get('body') ?? '';
    expect(body).toContain('Note: Klant belde ook: koffie & taart koud?');
    expect(body).toContain(`(${review.rating}/5)`);
    if (review.text) expect(body).toContain(review.text.replace(/\n/g, '\r\n'));
    expect(mailto).not.toContain(' ');
    expect(mailto.split('&')).toHaveLength(2);
    expect(mailto).toContain('%26%20taart');
    expect(text).toContain('Klant belde ook');
    await kalm.call('handoff.setState', { reviewId: id, state: 'handled' });
    await kalm.close();

    const again = await createKalm({ dataDir, host: 'test' });
    const r = await again.call('reviews.get', { id });
    expect(r).toMatchObject({ note: 'Klant belde ook: koffie & taart koud?', assignee: 'anna' });
    expect((await again.call('handoff.list', {})).forwards).toEqual([expect.objectContaining({ reviewId: id, state: 'handled', handledAt: expect.any(String) })]);
    expect((await again.call('handoff.list', { state: 'open' })).forwards).toEqual([]);
    await again.call('notes.set', { reviewId: id, note: '  ' });
    expect((await again.call('reviews.get', { id })).note).toBeNull();
    await again.close();
  });
});
