/** Bodies larger than this are refused (the federation spec's 1 MiB, with room for forms and their uploads). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What a body read with a limit gives: its bytes, or `too-large` once it went past the limit. */
export type BoundedBody = Uint8Array<ArrayBuffer> | 'too-large';

/** The next chunk of a Node request or of a Fetch body, pulled one at a time. */
function puller(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
  if ('getReader' in source) {
    const reader = source.getReader();
    return () => reader.read();
  }
  const iterator = source[Symbol.asyncIterator]();
  return () => iterator.next();
}

/**
 * Reads a body into memory, stopping at the first chunk past `limit`: a declared `Content-Length`
 * over it is refused unread, and a chunked body is counted as it arrives, so no sender makes us
 * hold (or read) more than the limit. The source is pulled by hand rather than with `for await`:
 * leaving that loop early would destroy a Node request, and its socket with it, before the 413
 * could be sent.
 */
export async function readBoundedBody(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null,
  declaredLength: string | null | undefined,
  limit: number,
): Promise<BoundedBody> {
  if (Number(declaredLength ?? 0) > limit) return 'too-large';
  if (!source) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const pull = puller(source);
  for (;;) {
    const next = await pull();
    if (next.done) break;
    size += next.value.byteLength;
    if (size > limit) return 'too-large';
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}
