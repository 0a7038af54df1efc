import type { IncomingMessage } from 'node:http';

/** Bodies larger than this are refused (the federation spec's 1 MiB, with room for forms and their uploads). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What a body read with a limit gives: its bytes, or `too-large` once it went past the limit. */
export type BoundedBody = Uint8Array<ArrayBuffer> | 'too-large';

/** Hands each chunk to `take` until it answers false (stop reading) or the body ends. */
type ChunkSource = (take: (chunk: Uint8Array) => boolean) => Promise<void>;

/** A Node request's chunks, by events: leaving a `for await` early would destroy its socket before the 413. */
const nodeChunks =
  (req: IncomingMessage): ChunkSource =>
  (take) =>
    new Promise((resolve, reject) => {
      const stop = () => {
        req.off('data', onData).off('end', onEnd).off('error', onError);
        req.pause();
      };
      const onData = (chunk: Buffer) => {
        if (!take(chunk)) {
          stop();
          resolve();
        }
      };
      const onEnd = () => {
        stop();
        resolve();
      };
      const onError = (error: Error) => {
        stop();
        reject(error);
      };
      req.on('data', onData).on('end', onEnd).on('error', onError);
    });

/** A Fetch body's chunks (a route called with a `Request`). */
const fetchChunks =
  (body: ReadableStream<Uint8Array>): ChunkSource =>
  async (take) => {
    const reader = body.getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done || !take(next.value)) return;
    }
  };

/**
 * Reads a body into memory, stopping at the first chunk past `limit`: a declared `Content-Length`
 * over it is refused unread, and a chunked body is counted as it arrives, so no sender makes us
 * hold (or read) more than the limit.
 */
export async function readBoundedBody(
  source: IncomingMessage | ReadableStream<Uint8Array> | null,
  declaredLength: string | null | undefined,
  limit: number,
): Promise<BoundedBody> {
  if (Number(declaredLength ?? 0) > limit) return 'too-large';
  if (!source) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  await ('getReader' in source ? fetchChunks(source) : nodeChunks(source))((chunk) => {
    size += chunk.byteLength;
    if (size > limit) return false;
    chunks.push(chunk);
    return true;
  });
  return size > limit ? 'too-large' : Buffer.concat(chunks);
}

/**
 * After a body is refused, drops what the client still sends, up to another `limit` bytes, then
 * cuts the connection. Cutting it at once would reset it while the client is still sending, and a
 * client reset mid-send may never read the 413 that was already on its way.
 */
export function discardRest(req: IncomingMessage, limit: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > limit) req.socket.destroy();
  });
  req.resume();
}

/** A streamed body went past its limit while a route read it. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * A Node request's body as a stream that fails with `BodyTooLarge` once more than `limit` bytes
 * arrived: for an upload form, whose file goes to the document store as it comes, never whole into
 * memory. `drained()` tells whether the route read it to its end.
 */
export function countedBody(req: IncomingMessage, limit: number) {
  let size = 0;
  let ended = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > limit) {
            req.pause();
            controller.error(new BodyTooLarge(`the body is larger than ${limit} bytes`));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          // Read on only as fast as the route takes it.
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          ended = true;
          controller.close();
        });
        req.on('error', (error) => controller.error(error));
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 4 },
  );
  return { body, drained: () => ended };
}
