import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openArchive, sealArchive } from './sealed-archive.ts';

const ring: { current: Buffer; retired: Buffer[] } = { current: randomBytes(32), retired: [] };
const plain = randomBytes(64 * 1024 * 3 + 100);

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

async function* once(bytes: Buffer) {
  yield bytes;
}

const sealed = await collect(sealArchive(once(plain), ring));
const HEADER = 48;
const RECORD = 4 + 64 * 1024 + 16;
const open = (bytes: Buffer, keys = ring) => collect(openArchive(once(bytes), keys));

describe('the sealed backup archive', () => {
  it('opens what it sealed, in chunks of 64 KiB, with the retired key after a rotation', async () => {
    expect(await open(sealed)).toEqual(plain);
    expect(await open(sealed, { current: randomBytes(32), retired: [ring.current] })).toEqual(plain);
  });

  it('refuses a chunk moved, dropped, cut off at the end, or bytes added after it', async () => {
    const chunk = (i: number) => sealed.subarray(HEADER + i * RECORD, HEADER + (i + 1) * RECORD);
    const header = sealed.subarray(0, HEADER);
    const last = sealed.subarray(HEADER + 3 * RECORD);
    const swapped = Buffer.concat([header, chunk(1), chunk(0), chunk(2), last]);
    const dropped = Buffer.concat([header, chunk(0), chunk(2), last]);
    const withoutLast = Buffer.concat([header, chunk(0), chunk(1), chunk(2)]);
    for (const bytes of [swapped, dropped, withoutLast, Buffer.concat([sealed, Buffer.from([0])])])
      await expect(open(bytes)).rejects.toThrow(/damaged or was altered/);
  });

  it('refuses a changed header and names a missing key', async () => {
    const salted = Buffer.from(sealed);
    salted.writeUInt8(salted.readUInt8(20) ^ 1, 20);
    await expect(open(salted)).rejects.toThrow(/damaged or was altered/);
    await expect(open(sealed, { current: randomBytes(32), retired: [] })).rejects.toThrow(
      /sealed with data key .{8}, which is neither/,
    );
    await expect(open(Buffer.from('not a backup at all, just some text'))).rejects.toThrow(
      /not a Linju backup/,
    );
  });
});
