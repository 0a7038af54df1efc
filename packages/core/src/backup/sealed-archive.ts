import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { type DataKeyRing, dataKeyId } from '@linju/auth';

/**
 * The encrypted envelope of a backup: a plain header (magic, the data key's id, a random salt),
 * then the plaintext in chunks of 64 KiB, each sealed with AES-256-GCM under a key derived from
 * the data key and the header. A chunk's nonce is its position and whether it is the last, so a
 * chunk moved, dropped, repeated or cut off at the end fails to open (the STREAM construction);
 * a changed header derives another key and fails on the first chunk.
 */
const MAGIC = Buffer.from('LINJUBK1');
const KEY_ID_LENGTH = 8;
const HEADER_LENGTH = MAGIC.length + KEY_ID_LENGTH + 32;
const CHUNK = 64 * 1024;
const TAG = 16;

export class BackupArchiveError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const damaged = (what: string) =>
  new BackupArchiveError(
    `The backup file is damaged or was altered (${what}); nothing was restored.`,
    'Restore from another copy of the backup.',
  );

const chunkKey = (master: Buffer, header: Buffer) =>
  Buffer.from(hkdfSync('sha256', master, header, 'linju/backup/v1', 32));

const nonceOf = (index: number, last: boolean) => {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 0);
  nonce[11] = last ? 1 : 0;
  return nonce;
};

function sealChunk(key: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** Seals a plaintext stream under the ring's current key; yields the file's bytes. */
export async function* sealArchive(plain: AsyncIterable<Buffer>, ring: DataKeyRing): AsyncGenerator<Buffer> {
  const header = Buffer.concat([MAGIC, Buffer.from(dataKeyId(ring.current), 'ascii'), randomBytes(32)]);
  const key = chunkKey(ring.current, header);
  yield header;
  let pending = Buffer.alloc(0);
  let index = 0;
  for await (const piece of plain) {
    pending = Buffer.concat([pending, piece]);
    // Keep at least one byte back: only the end of the input knows which chunk is the last.
    while (pending.length > CHUNK) {
      yield sealChunk(key, index++, false, pending.subarray(0, CHUNK));
      pending = pending.subarray(CHUNK);
    }
  }
  yield sealChunk(key, index, true, pending);
}

/** Reads exactly as many bytes as asked from a byte stream; null at its clean end. */
function byteReader(source: AsyncIterable<Buffer>) {
  const iterator = source[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  return async (length: number): Promise<Buffer | null> => {
    while (buffered.length < length) {
      const next = await iterator.next();
      if (next.done) {
        if (buffered.length === 0) return null;
        throw damaged('it ends in the middle of a chunk');
      }
      buffered = Buffer.concat([buffered, next.value]);
    }
    const taken = buffered.subarray(0, length);
    buffered = buffered.subarray(length);
    return taken;
  };
}

/**
 * Opens a sealed archive with whichever key of the ring made it (a backup from before a key
 * rotation opens with the retired key), yielding authenticated plaintext only: a chunk is handed
 * on only once its tag holds, and the stream must end with the chunk marked last.
 */
export async function* openArchive(sealed: AsyncIterable<Buffer>, ring: DataKeyRing): AsyncGenerator<Buffer> {
  const read = byteReader(sealed);
  const header = await read(HEADER_LENGTH).catch(() => null);
  if (!header?.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupArchiveError(
      'This file is not a Linju backup.',
      'linju restore --from <file made by linju backup>',
    );
  const keyId = header.subarray(MAGIC.length, MAGIC.length + KEY_ID_LENGTH).toString('ascii');
  const master = [ring.current, ...ring.retired].find((k) => dataKeyId(k) === keyId);
  if (!master)
    throw new BackupArchiveError(
      `The backup was sealed with data key ${keyId}, which is neither LINJU_DATA_KEY nor a retired key here.`,
      'Set LINJU_DATA_KEY (or LINJU_DATA_KEY_FILE) to the data key of the deployment that made the backup.',
    );
  const key = chunkKey(master, header);
  for (let index = 0; ; index++) {
    const length = await read(4);
    if (!length) throw damaged('it was cut short');
    const size = length.readUInt32BE();
    if (size < TAG || size > CHUNK + TAG) throw damaged(`chunk ${index} has an impossible length`);
    const body = await read(size);
    if (!body) throw damaged('it was cut short');
    const open = (last: boolean) => {
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index, last));
      decipher.setAuthTag(body.subarray(size - TAG));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, size - TAG)), decipher.final()]);
      } catch {
        return null;
      }
    };
    const middle = open(false);
    if (middle) {
      yield middle;
      continue;
    }
    const last = open(true);
    if (!last) throw damaged(`chunk ${index} does not authenticate`);
    if ((await read(1)) !== null) throw damaged('bytes follow its last chunk');
    yield last;
    return;
  }
}
