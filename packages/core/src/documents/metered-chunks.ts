import { createHash } from 'node:crypto';
import { type DocumentContent, DocumentTooLarge } from './document-store.ts';
import type { ContentSample } from './document-type.ts';

/** The stored chunk size: one sealed value per MiB keeps a read's memory at a chunk. */
export const CHUNK_BYTES = 1024 * 1024;

/** Enough of the end to find a zip's central directory (its end record and comment, and some of the directory). */
const TAIL_BYTES = 128 * 1024;

export type Metered = { sha256: string; sizeBytes: number; sample: ContentSample };

/**
 * Content cut into chunks of `CHUNK_BYTES` (the last shorter), hashed and counted as they pass;
 * past `maxBytes` it throws `DocumentTooLarge` before handing on the chunk that went over, so no
 * store holds more than the cap. `result()` is complete once the chunks are all taken.
 */
export function meteredChunks(content: DocumentContent, maxBytes: number) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let head: Buffer | null = null;
  let tail = Buffer.alloc(0);
  let result: Metered | null = null;

  async function* chunks(): AsyncGenerator<Buffer> {
    const source = content instanceof Uint8Array ? [content] : content;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const take = (chunk: Buffer) => {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) throw new DocumentTooLarge(maxBytes);
      hash.update(chunk);
      head ??= chunk;
      tail = Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
      return chunk;
    };
    for await (const piece of source) {
      let rest = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      while (pendingBytes + rest.length >= CHUNK_BYTES) {
        const cut = CHUNK_BYTES - pendingBytes;
        const chunk = Buffer.concat([...pending, rest.subarray(0, cut)]);
        rest = rest.subarray(cut);
        pending = [];
        pendingBytes = 0;
        yield take(chunk);
      }
      if (rest.length > 0) {
        // Copied: a stream may reuse the buffer it handed us.
        pending.push(Buffer.from(rest));
        pendingBytes += rest.length;
        if (sizeBytes + pendingBytes > maxBytes) throw new DocumentTooLarge(maxBytes);
      }
    }
    if (pendingBytes > 0) yield take(Buffer.concat(pending));
    result = {
      sha256: hash.digest('hex'),
      sizeBytes,
      sample: { head: head ?? Buffer.alloc(0), tail, size: sizeBytes },
    };
  }

  return {
    chunks: chunks(),
    result(): Metered {
      if (!result) throw new Error('the content was not read to its end');
      return result;
    },
  };
}
