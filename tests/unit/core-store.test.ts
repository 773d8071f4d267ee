import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

describe('the core on its data folder', () => {
  it('lets one writer in: a second Kalm on the same folder is told which process holds it', async () => {
    const dataDir = await tempDataDir();
    const first = await createKalm({ dataDir, host: 'test', loadDemoOnFirstRun: true });
    try {
      const second = createKalm({ dataDir, host: 'test' });
      await expect(second).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining(`process ${process.pid}`) });
      // A read-only Kalm (the CLI's `kalm reviews`) still reads while the app runs, and refuses to write.
      const reader = await createKalm({ dataDir, host: 'cli', readOnly: true });
      expect((await reader.call('reviews.query', {})).total).toBeGreaterThan(0);
      await expect(reader.call('workspace.loadDemo', {})).rejects.toMatchObject({ code: 'locked' });
      await reader.close();
    } finally {
      await first.close();
    }
    // Closed: the folder is free again, and the demo is still there.
    const again = await createKalm({ dataDir, host: 'test' });
    expect((await again.call('workspace.get', {})).demo).toBe(true);
    await again.close();
  });

  it('keeps the demo across a restart, byte for byte the same reviews', async () => {
    const dataDir = await tempDataDir();
    const a = await createKalm({ dataDir, host: 'test', loadDemoOnFirstRun: true });
    const before = await a.call('reviews.query', { status: 'all', limit: 500 });
    await a.close();
    const b = await createKalm({ dataDir, host: 'test', loadDemoOnFirstRun: true });
    const after = await b.call('reviews.query', { status: 'all', limit: 500 });
    await b.close();
    expect(after).toEqual(before);
  });
});
