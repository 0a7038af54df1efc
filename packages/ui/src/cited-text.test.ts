import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CitedText, type MarkedCitation } from './cited-text.tsx';
import { LocaleProvider } from './locale-context.tsx';

const TEXT = '依《民法典》第六百七十五条还款，另见《合同法》第二百零六条、《民法典》第九千条。';
const at = (written: string) => TEXT.indexOf(written);
const citations: MarkedCitation[] = [
  {
    written: '《民法典》第六百七十五条',
    index: at('《民法典》第六百七十五条'),
    law: '中华人民共和国民法典',
    article: 675,
    verdict: 'valid',
  },
  {
    written: '《合同法》第二百零六条',
    index: at('《合同法》'),
    law: '中华人民共和国合同法',
    article: 206,
    verdict: 'repealed',
  },
  {
    written: '《民法典》第九千条',
    index: at('《民法典》第九千条'),
    law: '民法典',
    article: 9000,
    verdict: 'missing',
  },
];
const render = (props: Parameters<typeof CitedText>[0], locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderToStaticMarkup(h(LocaleProvider, { locale, children: h(CitedText, props) }));

describe('CitedText', () => {
  it('links a valid citation to its article and says in words which are repealed or missing', () => {
    expect(render({ text: TEXT, citations })).toBe(
      '依<a class="lj-citation" href="/api/v1/statutes/%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C%E5%9B%BD%E6%B0%91%E6%B3%95%E5%85%B8/675">《民法典》第六百七十五条</a>还款，另见' +
        '<span class="lj-citation lj-citation--repealed">《合同法》第二百零六条<span class="lj-citation__verdict">（已废止）</span></span>、' +
        '<span class="lj-citation lj-citation--missing">《民法典》第九千条<span class="lj-citation__verdict">（未找到该条）</span></span>。',
    );
  });

  it('speaks the page’s language', () => {
    expect(render({ text: TEXT, citations }, 'en')).toContain(
      '<span class="lj-citation__verdict"> (repealed)</span>',
    );
  });

  it('leaves the text as it is without citations, and a citation not where it says as plain text', () => {
    expect(render({ text: TEXT, citations: [] })).toBe(TEXT);
    const moved = [{ ...(citations[1] as MarkedCitation), index: 0 }];
    expect(render({ text: TEXT, citations: moved })).toBe(TEXT);
  });
});
