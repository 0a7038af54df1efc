/**
 * The plaintext inside a sealed backup: a sequence of frames `[type: 1 byte][length: u32][payload]`.
 * `H` opens the archive (its header), `P` starts a part (a table, a document, a checkpoint file),
 * `D` carries up to 64 KiB of the part's bytes, `E` ends the part (its byte count and sha256),
 * `M` closes the archive with the manifest. Parts are streamed: no part is ever held whole.
 */
export type FrameType = 'H' | 'P' | 'D' | 'E' | 'M';
export type Frame = { type: FrameType; payload: Buffer };

const TYPES = new Set<string>(['H', 'P', 'D', 'E', 'M']);
const MAX_FRAME = 64 * 1024;

export function frame(type: FrameType, payload: Buffer | object): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  const head = Buffer.alloc(5);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** Splits a part's bytes into `D` frames no larger than the limit. */
export function* dataFrames(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += MAX_FRAME) yield frame('D', bytes.subarray(at, at + MAX_FRAME));
}

/** Parses frames out of the opened (authenticated) plaintext. */
export async function* readFrames(plain: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let buffered: Buffer = Buffer.alloc(0);
  for await (const piece of plain) {
    buffered = buffered.length ? Buffer.concat([buffered, piece]) : piece;
    while (buffered.length >= 5) {
      const type = buffered.toString('ascii', 0, 1);
      const length = buffered.readUInt32BE(1);
      if (!TYPES.has(type)) throw new Error(`backup frame of unknown type ${JSON.stringify(type)}`);
      if (buffered.length < 5 + length) break;
      yield { type: type as FrameType, payload: buffered.subarray(5, 5 + length) };
      buffered = buffered.subarray(5 + length);
    }
  }
  if (buffered.length > 0) throw new Error('backup ends inside a frame');
}
