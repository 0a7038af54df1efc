/**
 * What a file's bytes say it is, whatever its name or declared type claims. Reads only a sample:
 * the first bytes (`head`) and the last (`tail`) of a file of `size` bytes, so a streamed upload is
 * checked without holding it whole; a file in memory is its own head and tail.
 */
export type ContentSample = { head: Uint8Array; tail: Uint8Array; size: number };

export type DetectedType =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'heif'
  | 'doc'
  | 'xls'
  /** An OLE2 compound file whose directory lies outside the sample: a DOC or an XLS. */
  | 'ole2'
  | 'docx'
  | 'xlsx'
  | 'ofd'
  | 'zip'
  | 'text'
  | 'unknown';

export const wholeSample = (bytes: Uint8Array): ContentSample => ({
  head: bytes,
  tail: bytes,
  size: bytes.length,
});

/** The bytes at [offset, offset + length) if the head or the tail holds them. */
function bytesAt(sample: ContentSample, offset: number, length: number): Uint8Array | null {
  if (offset < 0 || length < 0 || offset + length > sample.size) return null;
  if (offset + length <= sample.head.length) return sample.head.subarray(offset, offset + length);
  const tailStart = sample.size - sample.tail.length;
  if (offset >= tailStart) return sample.tail.subarray(offset - tailStart, offset - tailStart + length);
  return null;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const HEIF_BRANDS = new Set(['heic', 'heix', 'mif1', 'msf1']);

/** ISO-BMFF `ftyp` box: the major brand and every compatible brand. */
function isHeif(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head.subarray(4, 8)) !== 'ftyp') return false;
  const boxSize = Math.min(view(head).readUInt32BE(0), head.length);
  const brands = [ascii(head.subarray(8, 12))];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head.subarray(at, at + 4)));
  return brands.some((b) => HEIF_BRANDS.has(b));
}

/** Entry names of a zip: its central directory (found from the end record), else the local headers in the head. */
function zipEntryNames(sample: ContentSample): string[] {
  const tail = view(sample.tail);
  const tailStart = sample.size - sample.tail.length;
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
    if (tail.readUInt32LE(at) !== 0x06054b50) continue;
    const entries = tail.readUInt16LE(at + 10);
    const size = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    const directory = bytesAt(sample, offset, size);
    if (!directory || offset + size > tailStart + at) break;
    const names: string[] = [];
    const d = view(directory);
    for (let p = 0, i = 0; i < entries && p + 46 <= d.length; i++) {
      if (d.readUInt32LE(p) !== 0x02014b50) break;
      const nameLength = d.readUInt16LE(p + 28);
      names.push(d.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
      p += 46 + nameLength + d.readUInt16LE(p + 30) + d.readUInt16LE(p + 32);
    }
    return names;
  }
  const head = view(sample.head);
  const names: string[] = [];
  for (let p = 0; p + 30 <= head.length && head.readUInt32LE(p) === 0x04034b50; ) {
    const nameLength = head.readUInt16LE(p + 26);
    names.push(head.subarray(p + 30, p + 30 + nameLength).toString('utf8'));
    const compressed = head.readUInt32LE(p + 18);
    // Sizes written after the data (bit 3): the next header cannot be found from here.
    if (head.readUInt16LE(p + 6) & 0x08) break;
    p += 30 + nameLength + head.readUInt16LE(p + 28) + compressed;
  }
  return names;
}

function zipKind(sample: ContentSample): DetectedType {
  const names = zipEntryNames(sample);
  if (names.includes('OFD.xml')) return 'ofd';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return 'zip';
}

const END_OF_CHAIN = 0xfffffffe;

/**
 * The stream names in an OLE2 compound file's directory, following its sector chain through the
 * FAT the header lists; null when a sector it needs is outside the sample.
 */
function ole2StreamNames(sample: ContentSample): string[] | null {
  const header = bytesAt(sample, 0, 512);
  if (!header) return null;
  const h = view(header);
  const sectorSize = 1 << h.readUInt16LE(0x1e);
  const fatSectors = Math.min(h.readUInt32LE(0x2c), 109);
  const sectorAt = (sector: number) => bytesAt(sample, (sector + 1) * sectorSize, sectorSize);
  const perSector = sectorSize / 4;
  const next = (sector: number): number | null => {
    const index = Math.floor(sector / perSector);
    if (index >= fatSectors) return null;
    const fat = sectorAt(h.readUInt32LE(0x4c + index * 4));
    return fat ? view(fat).readUInt32LE((sector % perSector) * 4) : null;
  };
  const names: string[] = [];
  let sector: number | null = h.readUInt32LE(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (sector === null || hops > 4096) return null;
    const bytes = sectorAt(sector);
    if (!bytes) return null;
    const s = view(bytes);
    for (let p = 0; p + 128 <= s.length; p += 128) {
      const length = s.readUInt16LE(p + 0x40);
      if (length >= 2) names.push(s.subarray(p, p + length - 2).toString('utf16le'));
    }
    sector = next(sector);
  }
  return names;
}

function ole2Kind(sample: ContentSample): DetectedType {
  const names = ole2StreamNames(sample);
  if (!names) return 'ole2';
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return 'unknown';
}

/** Text: no NUL byte in the head (every binary format here has some early on). */
const looksLikeText = (head: Uint8Array) => !head.includes(0);

export function sniffDocumentType(sample: ContentSample): DetectedType {
  const { head } = sample;
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (isHeif(head)) return 'heif';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ole2Kind(sample);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return zipKind(sample);
  return looksLikeText(head) ? 'text' : 'unknown';
}

/**
 * Accepted declared types, each with what its content may be detected as. A Map, not an object: a
 * declared type is looked up as given, and `constructor` or `__proto__` is simply not a type.
 */
export const DOCUMENT_TYPES: ReadonlyMap<string, readonly DetectedType[]> = new Map<
  string,
  readonly DetectedType[]
>([
  ['application/pdf', ['pdf']],
  ['image/jpeg', ['jpeg']],
  ['image/png', ['png']],
  ['image/heic', ['heif']],
  ['image/heif', ['heif']],
  ['application/msword', ['doc', 'ole2']],
  ['application/vnd.ms-excel', ['xls', 'ole2']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']],
  ['application/ofd', ['ofd']],
  ['text/plain', ['text']],
]);

export const isAcceptedDocumentType = (declared: string) => DOCUMENT_TYPES.has(declared);

/** Whether the content is what the declared type says (false for a type not accepted at all). */
export const contentMatchesType = (declared: string, sample: ContentSample) =>
  DOCUMENT_TYPES.get(declared)?.includes(sniffDocumentType(sample)) ?? false;
