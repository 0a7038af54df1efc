import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../packages/documents/src/index.ts';
import { pdfText, undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';
import { agreementDocument } from './agreement-document.ts';

const facts = {
  caseNumber: 'XH-2026-000123',
  organisationName: '甲街道人民调解委员会',
  form: {
    summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。',
    parties: [
      { name: '陈建国', role: 'applicant' as const },
      { name: '刘海燕', role: 'respondent' as const },
      { name: '刘海波', role: 'respondent' as const },
    ],
  },
  mediators: [{ name: '王调解', role: 'lead' as const }],
  terms: ['刘海燕于2026年12月31日前修复卫生间防水层。', '刘海燕赔偿陈建国维修费8000元。'],
  date: '2026-11-23',
};

describe('the mediation agreement', () => {
  const document = agreementDocument(facts);

  it('names the parties with their roles and the case number', () => {
    expect(document.title).toBe('人民调解协议书');
    expect(document.reference).toBe('编号：XH-2026-000123');
    expect(document.blocks[0]).toEqual({
      kind: 'fields',
      items: [
        { label: '申请人', value: '陈建国' },
        { label: '被申请人', value: '刘海燕' },
        { label: '被申请人', value: '刘海波' },
      ],
    });
  });

  it('lists the terms as clauses and counts one copy per party plus the committee’s', () => {
    expect(document.blocks).toContainEqual({ kind: 'clauses', items: facts.terms });
    const text = JSON.stringify(document.blocks);
    expect(text).toContain('本协议一式四份');
    expect(text).toContain('三十日内共同向人民法院申请司法确认');
  });

  it('is signed off by the mediation committee under the date', () => {
    expect(document.blocks.at(-1)).toEqual({
      kind: 'closing',
      issuer: '甲街道人民调解委员会',
      date: '2026-11-23',
    });
  });

  it('gives each party’s particulars the case knows', () => {
    const withPhone = agreementDocument({
      ...facts,
      form: { ...facts.form, parties: [{ name: '陈建国', role: 'applicant', phone: '13912345678' }] },
    });
    expect(withPhone.blocks[0]).toEqual({
      kind: 'fields',
      items: [{ label: '申请人', value: '陈建国，联系电话：13912345678' }],
    });
  });

  it('prints with every character drawn, the date in words', { timeout: 30_000 }, async () => {
    const bytes = await renderPdf(document);
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = (await pdfText(bytes)).text.replaceAll(/\s/g, '');
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('被申请人：刘海波');
    expect(text).toContain('甲街道人民调解委员会2026年11月23日');
  });

  it('prints each party’s full particulars with every character drawn', { timeout: 30_000 }, async () => {
    const bytes = await renderPdf(
      agreementDocument({
        ...facts,
        particulars: [
          {
            name: '陈建国',
            kind: 'person',
            idNumber: '310104197507085513',
            creditCode: null,
            phone: '13912345678',
            address: '上海市徐汇区龙华西路315弄7号1201室',
          },
        ],
      }),
    );
    expect(await undrawnCharacters(bytes)).toEqual([]);
    expect((await pdfText(bytes)).text.replaceAll(/\s/g, '')).toContain(
      '申请人：陈建国，男，1975年7月8日出生，公民身份号码：310104197507085513，住址：上海市徐汇区龙华西路315弄7号1201室，联系电话：13912345678',
    );
  });

  it('leaves a signature line for every party and mediator', () => {
    expect(document.blocks).toContainEqual({
      kind: 'signatures',
      signers: [
        { role: '申请人', name: '陈建国' },
        { role: '被申请人', name: '刘海燕' },
        { role: '被申请人', name: '刘海波' },
        { role: '人民调解员', name: '王调解' },
      ],
    });
  });
});
