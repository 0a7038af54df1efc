import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv.ts';

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

describe('writeCsv', () => {
  it('writes UTF-8 with a byte-order mark and CRLF, quoting only where needed', () => {
    expect(
      writeCsv([
        ['工单编号', '答复内容'],
        ['A1', '已告知,"退费"\n完毕'],
      ]),
    ).toBe('\ufeff工单编号,答复内容\r\nA1,"已告知,""退费""\n完毕"\r\n');
  });
  it('is read back by parseCsv as written', () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', 'x\r\ny', 'z'],
    ];
    expect(parseCsv(writeCsv(rows))).toEqual(rows);
  });
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(writeCsv([['=HYPERLINK("x")', '+1', '@SUM(A1)', '正常']])).toBe(
      '\ufeff"\'=HYPERLINK(""x"")",\'+1,\'@SUM(A1),正常\r\n',
    );
  });
});
