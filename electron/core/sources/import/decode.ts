import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { KalmError } from '../../../../shared/domain/errors';
import { sniff } from '../../../../shared/import/sniff';

/** Larger files are refused with a message (a 200 MB export is fine; memory stays bounded by streaming). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export interface DecodedFile {
  encoding: string;
  /** The first characters (for format detection), already decoded. */
  head: string;
  /** The whole file as decoded text chunks (a stream, so a large file is never in memory at once). */
  text(): Readable;
  /** Bytes of the file read so far by the latest `text()` stream (for progress). */
  bytesRead(): number;
  size: number;
}

/** Opens an import file: checks that it is text, finds its encoding, and streams it decoded. */
export async function openDecoded(path: string): Promise<DecodedFile> {
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new KalmError('not_found', err.code === 'ENOENT' ? `There is no file ${path}.` : `Kalm cannot read ${path} (${err.code ?? err.message}).`);
  });
  let head: Uint8Array;
  let size: number;
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new KalmError('invalid_input', `${path} is a folder; choose a CSV or JSON file.`);
    size = st.size;
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (size > MAX_IMPORT_BYTES) throw new KalmError('invalid_input', `The file is ${Math.round(size / 1048576)} MB; Kalm imports files up to ${MAX_IMPORT_BYTES / 1048576} MB. Split it into smaller exports.`);
  const found = sniff(head, head.length < size);
  if (found.kind === 'empty') throw new KalmError('invalid_input', 'The file is empty: there are no reviews in it.');
  if (found.kind === 'binary') throw new KalmError('invalid_input', `This file is ${found.what}, not a CSV or JSON export. Nothing was imported.`);
  const decoder = () => new TextDecoder(found.encoding, { fatal: false });
  const headDecoder = decoder();
  let read = 0;
  return {
    size,
    bytesRead: () => read,
    encoding: found.label,
    head: headDecoder.decode(head, { stream: true }).replace(/^\ufeff/, ''),
    text() {
      const dec = decoder();
      const bytes = createReadStream(path, { highWaterMark: 256 * 1024 });
      return Readable.from((async function* () {
        read = 0;
        for await (const chunk of bytes) {
          read += (chunk as Buffer).length;
          const s = dec.decode(chunk as Buffer, { stream: true });
          if (s) yield s;
        }
        const rest = dec.decode();
        if (rest) yield rest;
      })());
    },
  };
}
