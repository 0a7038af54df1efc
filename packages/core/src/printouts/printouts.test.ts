import { renderPdf } from '@linju/documents';
import { pdfText, undrawnCharacters } from '@linju/documents/testing';
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.ts';
import { caseFileCover } from './case-file-cover.ts';
import { intakeReceipt } from './intake-receipt.ts';

const facts: CaseFacts = {
  number: 'XH-2026-000123',
  district: '徐汇区司法局',
  service: '人民调解',
  channel: '现场来访',
  resident: '陈建国',
  parties: [
    { role: '申请人', name: '陈建国' },
    { role: '被申请人', name: '刘海燕' },
  ],
  receivedAt: '漕河泾街道公共法律服务工作站',
  handledBy: '漕河泾街道人民调解委员会',
  firstResponder: '张敏',
  assignee: null,
  receivedOn: '2026-12-07',
  dueOn: '2026-12-28',
  closedOn: null,
  limitWorkingDays: 15,
};

const textOf = async (bytes: Uint8Array) => (await pdfText(bytes)).text.replaceAll(/\s/g, '');

// Each renders with 10 MB fonts and is drawn glyph by glyph: seconds on a busy 2-core machine.
describe('case printouts', { timeout: 30_000 }, () => {
  it('the intake receipt tells the resident the number, who took it in and by when it is done', async () => {
    const bytes = await renderPdf(intakeReceipt(facts));
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = await textOf(bytes);
    for (const expected of [
      '受理回执',
      '编号：XH-2026-000123',
      '陈建国：',
      '你于2026年12月7日以现场来访方式提出的人民调解事项，漕河泾街道公共法律服务工作站已受理',
      '15个工作日内，即2026年12月28日前办结',
      '受理人：张敏',
      '漕河泾街道公共法律服务工作站2026年12月7日',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('the intake receipt promises no date when the case runs without a time limit', async () => {
    const receipt = intakeReceipt({ ...facts, dueOn: null, limitWorkingDays: null });
    expect(JSON.stringify(receipt)).not.toContain('个工作日');
    expect(JSON.stringify(receipt)).not.toContain('办结期限');
  });

  it('the file cover names every party with their role and leaves the archive’s entries to be written in', async () => {
    const bytes = await renderPdf(caseFileCover({ ...facts, assignee: '王芳', closedOn: '2027-01-05' }));
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = await textOf(bytes);
    for (const expected of [
      '人民调解案卷',
      '案号：XH-2026-000123',
      '立卷单位：徐汇区司法局',
      '当事人：陈建国（申请人）、刘海燕（被申请人）',
      '承办人：王芳',
      '收案日期：2026年12月7日',
      '结案日期：2027年1月5日',
      '归档日期：年月日',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
