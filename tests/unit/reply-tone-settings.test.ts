import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

describe('reply tone settings', () => {
  it('a patch of one field keeps the others (saving the signer does not reset the cool-down)', async () => {
    const kalm = await createKalm({ dataDir: await tempDataDir(), host: 'test' });
    try {
      await kalm.call('settings.update', { coolDown: { enabled: true, seconds: 3 }, formality: 'je', emojiAllowed: true });
      const after = await kalm.call('settings.update', { signer: '^SB' });
      expect(after).toMatchObject({ signer: '^SB', formality: 'je', emojiAllowed: true, coolDown: { enabled: true, seconds: 3 } });
      expect(await kalm.call('settings.get', {})).toMatchObject({ signer: '^SB', coolDown: { seconds: 3 } });
    } finally {
      await kalm.close();
    }
  });
});
