import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callNames, eventNames } from '../../shared/contract';
import { assemble } from '../../shared/contract/assemble';

const DIR = fileURLToPath(new URL('../../shared/contract/', import.meta.url));
/** The files that hold no domain: the index, the assembler and the shared field shapes. */
const NOT_DOMAINS = new Set(['index', 'assemble', 'fields']);
const domains = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((d) => !NOT_DOMAINS.has(d));

/** Every `…Calls` and `…Events` map a domain module exports, by kind. */
async function namesOf(domain: string): Promise<{ calls: string[]; events: string[] }> {
  const mod = (await import(`../../shared/contract/${domain}.ts`)) as Record<string, unknown>;
  const keysOf = (suffix: string) => Object.entries(mod).filter(([k]) => k.endsWith(suffix)).flatMap(([, v]) => Object.keys(v as object));
  return { calls: keysOf('Calls'), events: keysOf('Events') };
}

describe('the contract by domain', () => {
  it('has one module per domain, each naming only its own calls and events', async () => {
    expect(domains).toEqual(expect.arrayContaining(['reviews', 'drafts', 'outbox', 'google', 'play', 'import', 'labels', 'notes', 'handoff', 'alerts', 'settings', 'backup', 'sync', 'app']));
    for (const domain of domains) {
      const { calls, events } = await namesOf(domain);
      expect(calls.length + events.length, `${domain}.ts defines nothing`).toBeGreaterThan(0);
      for (const name of [...calls, ...events]) expect(name.startsWith(`${domain}.`), `${name} in ${domain}.ts`).toBe(true);
    }
  });

  it('assembles every module into the index, each name once', async () => {
    const all = await Promise.all(domains.map(namesOf));
    expect(all.flatMap((n) => n.calls).sort()).toEqual([...callNames].sort());
    expect(all.flatMap((n) => n.events).sort()).toEqual([...eventNames].sort());
  });

  it('refuses a name that two modules define instead of keeping the last one', () => {
    const a = { 'notes.set': 1 } as const;
    expect(() => assemble('call', a, { 'notes.get': 2 })).not.toThrow();
    expect(() => assemble('call', a, { 'notes.set': 3 })).toThrow('The contract defines the call "notes.set" twice');
  });
});
