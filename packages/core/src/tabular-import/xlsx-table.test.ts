import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { readXlsxTable } from './xlsx-table.ts';

type Entry = { name: string; content: Buffer; declaredSize?: number };

/** A minimal zip (deflated entries, no comment), with sizes as declared: a bomb may lie about them. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, content, declaredSize } of entries) {
    const packed = deflateRawSync(content);
    const fileName = Buffer.from(name);
    const size = declaredSize ?? content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    directory.push(central, fileName);
    offset += 30 + fileName.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const refusal = async (bytes: Uint8Array) => {
  try {
    await readXlsxTable(bytes, 'xlsxBase64');
  } catch (error) {
    if (error instanceof DomainError) return { key: error.message, field: error.field };
    throw error;
  }
  return null;
};

describe('reading an uploaded workbook', () => {
  it('reads a real workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('工单').addRow(['工单编号', '来电人']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await readXlsxTable(bytes, 'xlsxBase64')).toEqual([['工单编号', '来电人']]);
  });

  it('refuses a zip bomb before unpacking it: a sheet that unpacks to 80 MiB', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(80 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal(bomb)).toEqual({ key: 'import.xlsx_too_large', field: 'xlsxBase64' });
  });

  it('refuses a bomb whose directory lies about its size, by unpacking no more than declared', async () => {
    const liar = zip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(16 * 1024 * 1024), declaredSize: 1024 },
    ]);
    expect(await refusal(liar)).toEqual({ key: 'import.xlsx_too_large', field: 'xlsxBase64' });
  });

  it('refuses a zip of too many entries or a high ratio', async () => {
    const many = zip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, content: Buffer.from('x') })));
    expect(await refusal(many)).toEqual({ key: 'import.xlsx_too_large', field: 'xlsxBase64' });
    const packedTight = zip([{ name: 'a.xml', content: Buffer.alloc(8 * 1024 * 1024, 'a') }]);
    expect(await refusal(packedTight)).toEqual({ key: 'import.xlsx_too_large', field: 'xlsxBase64' });
  });

  it('says a file that is no workbook cannot be read', async () => {
    expect(await refusal(Buffer.from('工单编号,来电人\n'))).toEqual({
      key: 'import.xlsx_unreadable',
      field: 'xlsxBase64',
    });
  });
});
