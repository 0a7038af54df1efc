import type { PrintableDocument } from '@linju/plugin-sdk';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './render-pdf.ts';

const textOf = async (bytes: Uint8Array) => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text, totalPages };
};

const agreement: PrintableDocument = {
  title: '人民调解协议书',
  reference: 'XH-2026-000123',
  language: 'zh-CN',
  blocks: [
    {
      kind: 'fields',
      items: [
        { label: '申请人', value: '陈建国' },
        { label: '被申请人', value: '刘海燕' },
      ],
    },
    { kind: 'heading', text: '一、纠纷事实' },
    { kind: 'paragraph', text: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。' },
    {
      kind: 'clauses',
      items: ['刘海燕于2026年12月31日前修复卫生间防水层。', '刘海燕赔偿陈建国维修费8000元。'],
    },
    {
      kind: 'signatures',
      signers: [
        { role: '申请人', name: '陈建国' },
        { role: '被申请人', name: '刘海燕' },
      ],
    },
  ],
};

describe('renderPdf', () => {
  it('writes Chinese text that can be extracted again', async () => {
    const bytes = await renderPdf(agreement);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await textOf(bytes);
    for (const expected of [
      '人民调解协议书',
      'XH-2026-000123',
      '陈建国',
      '刘海燕',
      '一、纠纷事实',
      '赔偿陈建国维修费8000元',
    ]) {
      expect(text.replaceAll(/\s/g, '')).toContain(expected);
    }
  });

  it('embeds only the glyphs it uses, so the file stays small', async () => {
    const bytes = await renderPdf(agreement);
    // The font files are ~10 MB each; the subset of a one-page agreement is a few kilobytes.
    expect(bytes.length).toBeLessThan(80_000);
  });

  it('wraps long text and continues on a new page', async () => {
    const long = '双方当事人经人民调解委员会主持调解，自愿达成如下协议。'.repeat(120);
    const bytes = await renderPdf({ ...agreement, blocks: [{ kind: 'paragraph', text: long }] });
    const { text, totalPages } = await textOf(bytes);
    expect(totalPages).toBeGreaterThan(1);
    expect(text.replaceAll(/\s/g, '')).toContain('自愿达成如下协议。双方当事人');
  });
});
