import { describe, expect, it } from 'vitest';
import { shardText } from '../../electron/core/store/shard-text';
import { crc32 } from 'node:zlib';
import { makeReview } from './helpers';

const whole = (reviews: ReturnType<typeof makeReview>[]) => JSON.stringify({ schemaVersion: 3, source: 'file-import', locationId: 'bakkerij "zuid"\n', reviews }, null, 1) + '\n';

describe('shardText (a shard file written in pieces)', () => {
  it.each([0, 1, 2, 499, 500, 501, 1234])('is byte for byte the one-string text with %i reviews', (n) => {
    const reviews = Array.from({ length: n }, (_, i) => makeReview({ externalId: `r-${i}`, text: i % 3 === 0 ? null : `regel één\nregel "twee" ${i} 🍞`, reply: i % 2 ? null : { text: 'Dank je!\n\nGroet', updatedAt: '2025-01-02T00:00:00.000Z' } as never }));
    const text = shardText(3, 'file-import', 'bakkerij "zuid"\n', reviews);
    const pieces = [...text.pieces];
    expect(pieces.length).toBe(Math.max(1, Math.ceil(n / 500) + (n > 0 && n % 500 === 0 ? 1 : 0)));
    expect(pieces.join('')).toBe(whole(reviews));
    expect(text.crc32()).toBe(crc32(whole(reviews)));
  });

  it('matches JSON.stringify for awkward texts (quotes, escapes, newlines, astral and lone surrogates)', () => {
    const texts = ['', '"', '\\', '\n\r\t', '\u2028\u2029', '\u0000\u001f', '🍞🥐', '\ud800', 'a\n  "b": [1]', '{}', '[]'];
    const reviews = texts.map((t, i) => makeReview({ externalId: `x${i}`, text: t, author: t }));
    expect([...shardText(3, 'file-import', 'loc', reviews).pieces].join('')).toBe(JSON.stringify({ schemaVersion: 3, source: 'file-import', locationId: 'loc', reviews }, null, 1) + '\n');
  });
});
