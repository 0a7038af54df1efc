import type { PrintableDocument } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './render-pdf.ts';
import { pdfText, undrawnCharacters } from './testing/index.ts';

const textOf = async (bytes: Uint8Array) => {
  const { text, pages } = await pdfText(bytes);
  return { text, totalPages: pages };
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
    { kind: 'closing', issuer: '徐汇区漕河泾街道人民调解委员会', date: '2026-12-06' },
  ],
};

// Rendering subsets 10 MB fonts and pdf.js draws every glyph: seconds on a busy 2-core machine.
describe('renderPdf', { timeout: 30_000 }, () => {
  it('draws every character of every kind of block, as pdf.js renders it', async () => {
    const bytes = await renderPdf(agreement);
    expect(await undrawnCharacters(bytes)).toEqual([]);
  });

  it('signs off with the issuer and the date written in words', async () => {
    const { text } = await textOf(await renderPdf(agreement));
    expect(text.replaceAll(/\s/g, '')).toContain('徐汇区漕河泾街道人民调解委员会2026年12月6日');
  });

  it('numbers its pages at the foot', async () => {
    const long = '双方当事人经人民调解委员会主持调解，自愿达成如下协议。'.repeat(60);
    const { text, totalPages } = await textOf(
      await renderPdf({ ...agreement, blocks: [{ kind: 'paragraph', text: long }] }),
    );
    expect(totalPages).toBe(3);
    expect(text).toMatch(/— 1 —[\s\S]*— 2 —[\s\S]*— 3 —/u);
  });

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
