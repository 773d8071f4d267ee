import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/domain/source';
import { confirmDemoReplaced, demoBesideOwn } from '../../renderer/features/demo/demo-sources';

const demo: Source = { id: 'google', kind: 'google-business', name: 'Google', state: 'demo', lastSyncAt: null };
const own: Source = { id: 'trustpilot', kind: 'file-import', name: 'Trustpilot', state: 'connected', lastSyncAt: null };

describe('the demo beside the owner’s reviews', () => {
  it('marks demo rows only while real reviews sit beside them', () => {
    expect(demoBesideOwn([demo])).toBeUndefined();
    expect(demoBesideOwn([own])).toBeUndefined();
    expect([...(demoBesideOwn([demo, own]) ?? [])]).toEqual(['google']);
  });

  it('asks before Google replaces the demo, with the count, and goes on only on yes', async () => {
    const asked: string[] = [];
    const ask = (answer: boolean, isDemo = true) => ({
      demo: async () => isDemo,
      count: async () => ({ drafts: 2, replies: 1, labels: 0, notes: 3 }),
      confirm: (text: string) => (asked.push(text), answer),
      text: (c: { drafts: number; replies: number; notes: number }) => `${c.drafts} drafts, ${c.replies} reply, ${c.notes} notes`,
    });
    expect(await confirmDemoReplaced(ask(false))).toBe(false);
    expect(await confirmDemoReplaced(ask(true))).toBe(true);
    expect(asked).toEqual(['2 drafts, 1 reply, 3 notes', '2 drafts, 1 reply, 3 notes']);
    expect(await confirmDemoReplaced(ask(false, false))).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
