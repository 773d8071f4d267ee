import { crc32 } from 'node:zlib';
import type { Review } from '../../../shared/domain/review';

/** Reviews serialised into one piece of a shard file (a piece is then written and let go). */
const REVIEWS_PER_PIECE = 500;

export interface ShardText {
  /** The file's text, a run of reviews at a time; together exactly `JSON.stringify(body, null, 1) + '\n'`. */
  pieces: Iterable<string>;
  /** The CRC-32 of the UTF-8 text, known once every piece was taken. */
  crc32(): number;
}

/**
 * The text `saveShardFile` stores for a shard, made in pieces so a shard of any size is never one string in
 * memory (with 20 locations a 200 MB import's shard texts are ~30 MB each). Byte for byte what
 * `JSON.stringify({ schemaVersion, source, locationId, reviews }, null, 1) + '\n'` gives: a review nested two
 * levels deep is indented by two more spaces on every line (a JSON string holds no raw newline).
 */
export function shardText(schemaVersion: number, source: string, locationId: string, reviews: readonly Review[]): ShardText {
  let crc = 0;
  const take = (s: string) => ((crc = crc32(s, crc)), s);
  function* pieces(): Generator<string> {
    const head = `{\n "schemaVersion": ${JSON.stringify(schemaVersion)},\n "source": ${JSON.stringify(source)},\n "locationId": ${JSON.stringify(locationId)},\n "reviews": `;
    if (reviews.length === 0) {
      yield take(`${head}[]\n}\n`);
      return;
    }
    let piece = `${head}[`;
    for (let i = 0; i < reviews.length; i++) {
      piece += `${i === 0 ? '' : ','}\n  ${JSON.stringify(reviews[i], null, 1).replace(/\n/g, '\n  ')}`;
      if ((i + 1) % REVIEWS_PER_PIECE === 0) {
        yield take(piece);
        piece = '';
      }
    }
    yield take(`${piece}\n ]\n}\n`);
  }
  return { pieces: pieces(), crc32: () => crc };
}
