import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads plain rows, CRLF or LF, and drops a byte-order mark', () => {
    expect(parseCsv('\ufeff工单编号,内容\r\nA1,噪音扰民\nA2,欠薪\n')).toEqual([
      ['工单编号', '内容'],
      ['A1', '噪音扰民'],
      ['A2', '欠薪'],
    ]);
  });
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b,""c""\nd"\n')).toEqual([['a', 'b,"c"\nd']]);
  });
  it('skips blank lines and keeps empty fields', () => {
    expect(parseCsv('a,,c\n\n,,\nx,y,z')).toEqual([
      ['a', '', 'c'],
      ['x', 'y', 'z'],
    ]);
  });
});
