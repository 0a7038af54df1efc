import { describe, expect, it } from 'vitest';
import { decodeCsvText, readTableFile } from './table-file.ts';

// GB18030 (as GBK) bytes of a few known characters: Node has a GB18030 decoder but no encoder.
const GB18030: Record<string, number[]> = {
  张: [0xd5, 0xc5],
  三: [0xc8, 0xfd],
  工: [0xb9, 0xa4],
  单: [0xb5, 0xa5],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  来: [0xc0, 0xb4],
  电: [0xb5, 0xe7],
  人: [0xc8, 0xcb],
};
const gb18030 = (text: string) =>
  Uint8Array.from([...text].flatMap((ch) => GB18030[ch] ?? [ch.charCodeAt(0)]));

describe('decodeCsvText', () => {
  it('reads a GB18030 file, as Excel on a Chinese Windows saves CSV', () => {
    expect(decodeCsvText(gb18030('工单编号\r\n张三\r\n'))).toBe('工单编号\r\n张三\r\n');
  });

  it('reads UTF-8 with the byte-order mark (dropped) and without it', () => {
    const utf8 = new TextEncoder().encode('工单编号,张三\n');
    expect(decodeCsvText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe('工单编号,张三\n');
    expect(decodeCsvText(utf8)).toBe('工单编号,张三\n');
  });
});

describe('readTableFile', () => {
  it('gives the same table for the same sheet in UTF-8 and in GB18030', async () => {
    const utf8 = new TextEncoder().encode('工单编号,来电人\nGD1,张三\n');
    const table = [
      ['工单编号', '来电人'],
      ['GD1', '张三'],
    ];
    expect(await readTableFile(utf8, 'file')).toEqual(table);
    expect(await readTableFile(gb18030('工单编号,来电人\nGD1,张三\n'), 'file')).toEqual(table);
  });

  it('refuses an empty file naming the field', async () => {
    await expect(readTableFile(new Uint8Array(), 'fileBase64')).rejects.toMatchObject({
      message: 'validation.required',
      field: 'fileBase64',
    });
  });
});
