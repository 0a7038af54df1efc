import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentMatchesType, sniffDocumentType, wholeSample } from './document-type.ts';

/** A zip of stored (uncompressed) entries, with its central directory, as any zip tool writes it. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest OLE2 compound file: header, one FAT sector, one directory sector naming `streams`. */
function ole2(streams: string[]): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512, 0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, i * 128);
    directory.writeUInt16LE(encoded.length, i * 128 + 0x40);
    directory.writeUInt8(i === 0 ? 5 : 2, i * 128 + 0x42);
  });
  return Buffer.concat([header, fat, directory]);
}

function heif(major: string, compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => {
    box.write(brand, 16 + i * 4, 'latin1');
  });
  return Buffer.concat([box, Buffer.alloc(32)]);
}

const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const XLSX = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
const OFD = zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('sniffDocumentType', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n')],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])],
    ['png', PNG],
    ['heif', heif('heic', ['mif1', 'heic'])],
    ['heif', heif('mif1', ['heix'])],
    ['heif', heif('msf1', [])],
    ['doc', ole2(['WordDocument', '\u0001CompObj'])],
    ['xls', ole2(['Workbook'])],
    ['docx', DOCX],
    ['xlsx', XLSX],
    ['ofd', OFD],
    ['zip', zip({ 'notes.txt': 'hello' })],
    ['text', Buffer.from('申请人：张三\n')],
    ['unknown', Buffer.from([0, 1, 2, 3])],
  ])('tells %s by its bytes', (expected, bytes) => {
    expect(sniffDocumentType(wholeSample(bytes))).toBe(expected);
  });

  it('is not fooled by an MP4 (ftyp box without a HEIF brand)', () => {
    expect(sniffDocumentType(wholeSample(heif('isom', ['mp41'])))).toBe('unknown');
  });

  it('reads a zip from its head and tail only (a streamed upload), finding the central directory at the end', () => {
    const padded = zip({ 'word/document.xml': 'x'.repeat(200_000), '[Content_Types].xml': '<Types/>' });
    const sample = { head: padded.subarray(0, 1024), tail: padded.subarray(-65_536), size: padded.length };
    expect(sniffDocumentType(sample)).toBe('docx');
  });

  it('calls an OLE2 file whose directory lies outside the sample an OLE2 file (DOC or XLS)', () => {
    const file = ole2(['WordDocument']);
    const sample = { head: file.subarray(0, 512), tail: file.subarray(-16), size: file.length };
    expect(sniffDocumentType(sample)).toBe('ole2');
  });
});

describe('contentMatchesType', () => {
  it('refuses a PNG declared as a PDF, a DOCX declared as an XLSX, an XLS declared as a DOC', () => {
    expect(contentMatchesType('application/pdf', wholeSample(PNG))).toBe(false);
    expect(
      contentMatchesType(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        wholeSample(DOCX),
      ),
    ).toBe(false);
    expect(contentMatchesType('application/msword', wholeSample(ole2(['Workbook'])))).toBe(false);
  });

  it('accepts each type for its own content, and OFD as application/ofd', () => {
    expect(contentMatchesType('application/ofd', wholeSample(OFD))).toBe(true);
    expect(contentMatchesType('image/heic', wholeSample(heif('heic', [])))).toBe(true);
    expect(contentMatchesType('application/vnd.ms-excel', wholeSample(ole2(['Workbook'])))).toBe(true);
    expect(contentMatchesType('text/plain', wholeSample(Buffer.from('hello')))).toBe(true);
  });

  it('accepts no declared type outside the list, whatever the content', () => {
    expect(contentMatchesType('application/zip', wholeSample(zip({ a: 'b' })))).toBe(false);
    expect(contentMatchesType('constructor', wholeSample(Buffer.from('x')))).toBe(false);
  });
});
