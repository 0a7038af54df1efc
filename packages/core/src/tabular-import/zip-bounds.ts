import { inflateRawSync } from 'node:zlib';

/** What a workbook we read may unpack to: far above any real export, far below a zip bomb. */
export const ZIP_LIMITS = {
  entries: 1000,
  totalBytes: 64 * 1024 * 1024,
  /** Unpacked bytes per packed byte, once the whole is past 1 MiB (XML packs well, not this well). */
  ratio: 100,
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Where the zip's end-of-central-directory record starts: at most a 64 KiB comment from the end. */
function endOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/**
 * Whether a zip (an .xlsx) unpacks within `limits`, checked before any parser unpacks it: the
 * count of entries, the total and the ratio the central directory declares, and each entry really
 * inflated with the output capped at its declared size, since a directory can lie.
 */
export function checkZipBounds(bytes: Uint8Array, limits = ZIP_LIMITS): 'ok' | 'too-large' | 'malformed' {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(zip);
  if (end < 0) return 'malformed';
  const count = zip.readUInt16LE(end + 10);
  const directoryAt = zip.readUInt32LE(end + 16);
  // ZIP64 markers: no workbook within our upload size needs them.
  if (count === 0xffff || directoryAt === 0xffffffff) return 'too-large';
  if (count > limits.entries) return 'too-large';
  let total = 0;
  let at = directoryAt;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'malformed';
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const local = zip.readUInt32LE(at + 42);
    total += size;
    if (total > limits.totalBytes) return 'too-large';
    if (total > 1024 * 1024 && total > zip.length * limits.ratio) return 'too-large';
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) return 'malformed';
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + packed);
    if (method === DEFLATED) {
      try {
        inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'malformed';
      }
    } else if (method !== STORED || packed !== size) return 'malformed';
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return 'ok';
}
