import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { lintReply } from '../../shared/reply/lint';
import { builtInTemplates, pickVariant, renderTemplate, searchTemplates } from '../../shared/reply/templates';
import { tempDataDir } from './helpers';

describe('templates in the data folder', () => {
  it('saves, lists, updates and deletes the owner’s templates across restarts; built-ins are always listed', async () => {
    const dataDir = await tempDataDir();
    let kalm = await createKalm({ dataDir, host: 'test' });
    const saved = await kalm.call('templates.save', { name: 'Wachttijd', lang: 'nl', band: 'criticism', variants: ['Beste {name}, sorry voor het wachten.', 'Beste {name}, excuses voor de wachttijd.'] });
    expect(saved).toMatchObject({ id: expect.stringMatching(/^t-/), builtIn: false, variants: expect.any(Array) });
    await kalm.close();
    expect(await readdir(join(dataDir, 'templates'))).toHaveLength(1);

    kalm = await createKalm({ dataDir, host: 'test' });
    const { templates } = await kalm.call('templates.list', {});
    expect(templates.filter((t) => !t.builtIn).map((t) => t.name)).toEqual(['Wachttijd']);
    expect(templates.filter((t) => t.builtIn)).toHaveLength(4);
    await kalm.call('templates.save', { id: saved.id, name: 'Lang wachten', lang: 'nl', band: 'criticism', variants: ['Beste {name}, sorry.'] });
    expect((await kalm.call('templates.list', {})).templates.find((t) => t.id === saved.id)?.name).toBe('Lang wachten');
    await kalm.call('templates.delete', { id: saved.id });
    await expect(kalm.call('templates.delete', { id: saved.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(kalm.call('templates.save', { name: ' ', lang: 'nl', band: 'any', variants: ['x'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(kalm.call('templates.save', { name: 'x', lang: 'nl', band: 'any', variants: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    await kalm.close();
  });

  it('moves an unreadable template file to quarantine and keeps working', async () => {
    const dataDir = await tempDataDir();
    let kalm = await createKalm({ dataDir, host: 'test' });
    await kalm.call('templates.save', { name: 'A', lang: 'en', band: 'praise', variants: ['Thanks {name}!'] });
    await kalm.close();
    const [file] = await readdir(join(dataDir, 'templates'));
    await writeFile(join(dataDir, 'templates', file ?? 'x'), '{ broken');
    kalm = await createKalm({ dataDir, host: 'test' });
    expect((await kalm.call('templates.list', {})).templates.filter((t) => !t.builtIn)).toEqual([]);
    expect(kalm.problems.some((p) => p.file.includes('templates'))).toBe(true);
    expect((await readdir(join(dataDir, 'quarantine'))).length).toBe(1);
    await kalm.close();
    expect(await readFile(join(dataDir, 'quarantine', (await readdir(join(dataDir, 'quarantine')))[0] ?? ''), 'utf8')).toBe('{ broken');
  });
});

describe('template text', () => {
  it('fills the variables; without a name the greeting stays neutral; a missing value stays visible', () => {
    expect(renderTemplate('Beste {name},\n\nBel {contact}. {signature}', { name: 'Anna', contact: '020 123', signature: '^SB' })).toBe('Beste Anna,\n\nBel 020 123. ^SB');
    expect(renderTemplate('Hi {name}, thanks.', { name: null })).toBe('Hi, thanks.');
    expect(renderTemplate('Call {contact}.', {})).toBe('Call {contact}.');
  });
  it('rotates variants: the one used longest ago comes next', () => {
    const t = { id: 't-1', variants: ['a', 'b', 'c'] };
    expect(pickVariant(t, []).index).toBe(0);
    expect(pickVariant(t, ['t-1#0']).index).toBe(1);
    expect(pickVariant(t, ['t-1#1', 't-1#0']).index).toBe(2);
    expect(pickVariant(t, ['t-1#2', 't-1#1', 't-1#0']).index).toBe(0);
  });
  it('searches by name and text, per language and band, accents ignored', () => {
    const list = builtInTemplates('je');
    const name = (t: { name: string }) => t.name;
    expect(searchTemplates(list, '', { lang: 'nl', band: 'praise' }, name).map((t) => t.id)).toEqual(['builtin-nl-praise']);
    expect(searchTemplates(list, 'HARTELIJKE', { lang: 'nl', band: 'criticism' }, name)).toHaveLength(1);
    expect(searchTemplates(list, 'zzz', { lang: 'nl', band: 'criticism' }, name)).toHaveLength(0);
  });
  it('built-in starters pass the calm check in both forms of address', () => {
    for (const formality of ['u', 'je'] as const) {
      for (const t of builtInTemplates(formality)) {
        for (const v of t.variants) {
          const text = renderTemplate(v, { name: 'Anna', signature: 'Sanne' });
          expect([t.id, lintReply(text, { lang: t.lang, formality, signature: 'Sanne' })]).toEqual([t.id, []]);
        }
      }
    }
  });
});
