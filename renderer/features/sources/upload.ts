import type { KalmApi } from '../../../shared/contract';

/** Raw bytes per chunk; base64 makes it about 700 KB, under the web host's 1 MB request limit. */
export const CHUNK_BYTES = 512 * 1024;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The bytes of a blob (FileReader where Blob.arrayBuffer is missing, as in older engines and jsdom). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error('The file could not be read.')));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Sends a chosen file to the core in order, chunk by chunk (the same in Electron and the web host),
 * so a large export never sits in one message. Returns the upload id for import.preview / import.commit.
 */
export async function uploadFile(api: KalmApi, file: Blob & { name: string }, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<string> {
  const { uploadId } = await api.call('import.begin', { name: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (signal?.aborted) {
      await api.call('import.discard', { uploadId });
      throw new DOMException('The upload was cancelled.', 'AbortError');
    }
    const bytes = new Uint8Array(await bytesOf(file.slice(offset, offset + CHUNK_BYTES)));
    await api.call('import.chunk', { uploadId, offset, data: toBase64(bytes) });
    onProgress(Math.min(1, (offset + bytes.length) / Math.max(1, file.size)));
  }
  onProgress(1);
  return uploadId;
}
