import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract';
import { createKalm } from '../../electron/core/create-kalm';
import { buildHandlerMap, type CoreHandlers } from '../../electron/core/handler-map';
import { tempDataDir } from './helpers';

/** A handler per contract call that says which domain it came from. */
function handlersFor(names: readonly CallName[], domain: string): Partial<CoreHandlers> {
  return Object.fromEntries(names.map((name) => [name, () => Promise.resolve({ domain, name })])) as Partial<CoreHandlers>;
}
const allCalls = Object.keys(contract) as CallName[];
const half = Math.floor(allCalls.length / 2);

describe('the handler map of a core', () => {
  it('merges the domains so every call runs the one handler its domain registered', async () => {
    const map = buildHandlerMap({ first: handlersFor(allCalls.slice(0, half), 'first'), second: handlersFor(allCalls.slice(half), 'second') });
    expect(Object.keys(map).sort()).toEqual([...allCalls].sort());
    const run = (name: CallName) => (map[name] as () => Promise<unknown>)();
    await expect(run(allCalls[0] as CallName)).resolves.toEqual({ domain: 'first', name: allCalls[0] });
    await expect(run(allCalls[half] as CallName)).resolves.toEqual({ domain: 'second', name: allCalls[half] });
  });

  it('throws at start naming the call and both domains when two domains register the same call', () => {
    const rest = handlersFor(allCalls.filter((n) => n !== 'drafts.save'), 'rest');
    const build = () => buildHandlerMap({ outbox: { ...handlersFor(['drafts.save'], 'outbox') }, rest, inbox: handlersFor(['drafts.save'], 'inbox') });
    expect(build).toThrow(/"drafts\.save" is registered twice, by outbox and by inbox/);
    // Whatever the order, the clash is found: no later domain silently wins.
    expect(() => buildHandlerMap({ inbox: handlersFor(['drafts.save'], 'inbox'), rest, outbox: handlersFor(['drafts.save'], 'outbox') })).toThrow(/"drafts\.save" is registered twice, by inbox and by outbox/);
  });

  it('refuses a name the contract does not have, and names every contract call nobody handles', () => {
    const all = handlersFor(allCalls, 'all');
    expect(() => buildHandlerMap({ all, extra: { 'drafts.saveAll': () => Promise.resolve({}) } as unknown as Partial<CoreHandlers> })).toThrow(/extra registers "drafts\.saveAll", which is not a call of the contract/);
    const withoutTwo = handlersFor(allCalls.filter((n) => n !== 'labels.list' && n !== 'app.info'), 'most');
    expect(() => buildHandlerMap({ withoutTwo })).toThrow(/No handler for app\.info, labels\.list/);
  });
});

describe('createKalm composes its domains without a clash', () => {
  it('starts writable and read-only (each registers every call exactly once) and answers calls of every domain', async () => {
    const dataDir = await tempDataDir();
    const kalm = await createKalm({ dataDir, host: 'test' });
    await kalm.call('workspace.loadDemo', { seed: 3 });
    expect((await kalm.call('app.info', {})).demo).toBe(true);
    expect((await kalm.call('labels.list', {})).labels).toEqual([]);
    expect((await kalm.call('handoff.list', {})).forwards).toEqual([]);
    expect((await kalm.call('sync.backgroundStatus', {})).state).toBe('off');
    expect((await kalm.call('team.status', {})).state).toBe('local');
    await kalm.close();
    const readOnly = await createKalm({ dataDir, host: 'cli', readOnly: true });
    expect((await readOnly.call('workspace.get', {})).demo).toBe(true);
    await expect(readOnly.call('labels.save', { name: 'Koffie', color: '#0f766e' })).rejects.toMatchObject({ code: 'locked' });
    await readOnly.close();
  });

  it('tells clients about every draft saved or discarded (the outbox emits it, no override), and the Drafts view follows', async () => {
    const kalm = await createKalm({ dataDir: await tempDataDir(), host: 'test' });
    await kalm.call('workspace.loadDemo', { seed: 7 });
    const [a] = (await kalm.call('reviews.query', { view: 'unanswered', limit: 1 })).items.map((r) => r.id) as [string];
    const events: string[] = [];
    kalm.on('drafts.changed', (e) => events.push(e.reviewId));
    await kalm.call('drafts.save', { reviewId: a, text: 'Dank je wel!' });
    expect((await kalm.call('reviews.query', { view: 'drafts' })).items.map((r) => r.id)).toEqual([a]);
    await kalm.call('drafts.discard', { reviewId: a });
    expect((await kalm.call('reviews.query', { view: 'drafts' })).total).toBe(0);
    expect(events).toEqual([a, a]);
    await expect(kalm.call('drafts.save', { reviewId: 'google:nowhere:x', text: 'Hoi' })).rejects.toMatchObject({ code: 'not_found' });
    expect(events).toEqual([a, a]);
    await kalm.close();
  });
});
