import { beforeEach, describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { dispatch } from '../../electron/core/dispatch';
import { tempDataDir } from './helpers';

/** Inputs that no call accepts: every input schema is a strict object. */
const invalidInputs: unknown[] = ['a string', 42, true, [], [1, 2], { unexpectedKey: 1 }];

describe('the contract', () => {
  let kalm: KalmCore;
  beforeEach(async () => {
    kalm = await createKalm({ dataDir: await tempDataDir(), host: 'test' });
  });

  it('names every call in a namespace', () => {
    for (const name of callNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(callNames).toEqual(expect.arrayContaining(['app.info', 'workspace.loadDemo', 'reviews.query', 'reviews.get', 'reviews.stats']));
  });

  it.each(callNames)('%s rejects invalid input with a typed error and keeps running', async (name) => {
    for (const input of invalidInputs) {
      const result = await dispatch(kalm, name, input);
      expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(name);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
    // The core still answers afterwards.
    expect((await dispatch(kalm, 'app.info', {})).ok).toBe(true);
  });

  it('throws KalmError from the core API for invalid input', async () => {
    await expect(kalm.call('reviews.query', { limit: 0 })).rejects.toBeInstanceOf(KalmError);
    await expect(kalm.call('reviews.query', { ratings: [0] as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(kalm.call('reviews.query', { sort: 'random' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(kalm.call('reviews.get', { id: '' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses unknown call names', async () => {
    const result = await dispatch(kalm, 'reviews.dropAll', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await dispatch(kalm, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await dispatch(kalm, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('hides internal errors behind a generic message', async () => {
    const broken = { ...kalm, call: async () => Promise.reject(new Error('secret stack detail')) };
    const logged: string[] = [];
    const result = await dispatch(broken, 'app.info', {}, (m) => logged.push(m));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged.join()).toContain('secret stack detail');
  });

  it('gives not_found for an unknown review id', async () => {
    await expect(kalm.call('reviews.get', { id: 'google:nowhere:1' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('has output schemas that describe what the core returns', async () => {
    await kalm.call('workspace.loadDemo', {});
    contract['app.info'].output.parse(await kalm.call('app.info', {}));
    const page = contract['reviews.query'].output.parse(await kalm.call('reviews.query', {}));
    contract['reviews.get'].output.parse(await kalm.call('reviews.get', { id: page.items[0]!.id }));
    contract['reviews.stats'].output.parse(await kalm.call('reviews.stats', {}));
  });
});
