import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../packages/documents/src/index.ts';
import { pdfText, undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';
import { decisionLetter, decisionLetterFileName } from './decision-letter.ts';
import type { Decision } from './legal-aid-records.ts';

const granted: Decision = {
  granted: true,
  route: 'exempt-migrant-worker',
  perCapitaIncome: null,
  threshold: null,
  reason: null,
  dueOn: '2026-12-11',
  decidedOn: '2026-12-08',
  late: false,
};
const facts = {
  caseNumber: 'XH-2026-000321',
  intake: {
    applicantName: '马长友',
    matter: 'labour-remuneration' as const,
    summary: '在工地务工八个月，包工头拖欠工资三万元',
    migrantWorkerWageClaim: true,
  },
  receivedOn: '2026-12-04',
  decision: granted,
  organisationName: '徐汇区法律援助中心',
};
const textOf = async (bytes: Uint8Array) => (await pdfText(bytes)).text.replaceAll(/\s/g, '');

// Rendering embeds 10 MB fonts and pdf.js draws each glyph: seconds on a busy 2-core machine.
describe('the legal-aid decision letter', { timeout: 30_000 }, () => {
  it('grants in writing: the matter, why it qualifies, a lawyer within three days, every character drawn', async () => {
    const bytes = await renderPdf(decisionLetter(facts));
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = await textOf(bytes);
    for (const expected of [
      '给予法律援助决定书',
      '编号：XH-2026-000321',
      '申请人：马长友',
      '你于2026年12月4日就“请求支付劳动报酬”事项提出的法律援助申请',
      '本机构决定给予法律援助',
      '三日内指派法律援助人员',
      '徐汇区法律援助中心2026年12月8日',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refuses in writing with the reason and where to object', async () => {
    const refused = {
      ...granted,
      granted: false,
      route: 'hardship-check',
      reason: '家庭人均收入高于本区标准',
    };
    const text = await textOf(await renderPdf(decisionLetter({ ...facts, decision: refused })));
    expect(text).toContain('不予法律援助决定书');
    expect(text).toContain('本机构决定不予法律援助。理由：家庭人均收入高于本区标准');
    expect(text).toContain('可以向设立本机构的司法行政部门提出');
    expect(text).not.toContain('指派');
  });

  it('is filed under a name in words', () => {
    expect(decisionLetterFileName(true, 'XH-2026-000321')).toBe('给予法律援助决定书-XH-2026-000321.pdf');
    expect(decisionLetterFileName(false, 'XH-2026-000321')).toBe('不予法律援助决定书-XH-2026-000321.pdf');
  });
});
