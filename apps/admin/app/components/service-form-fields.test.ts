import { LocaleProvider } from '@linju/ui';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceFormField } from '../lib/service-form.ts';
import { ServiceFormFields } from './service-form-fields.tsx';

const rendered = (fields: ServiceFormField[], values: Record<string, string> = {}) =>
  renderToStaticMarkup(
    h(LocaleProvider, {
      locale: 'zh-CN',
      children: h(ServiceFormFields, { fields, locale: 'zh-CN', values, error: () => undefined }),
    }),
  );

const label = (zh: string) => ({ 'zh-CN': zh, en: zh });

describe("a service's own intake fields", () => {
  it('gives a long text (纠纷概要) several lines, with what was typed before a refusal', () => {
    const html = rendered([{ key: 'summary', label: label('纠纷概要'), type: 'textarea', required: true }], {
      summary: '楼上漏水',
    });
    expect(html).toMatch(/<textarea[^>]*name="form\.summary"[^>]*>楼上漏水<\/textarea>/);
    expect(html).not.toContain('<input');
  });

  it('keeps a short text on one line', () => {
    const html = rendered([{ key: 'topic', label: label('咨询主题'), type: 'text', required: false }]);
    expect(html).toMatch(
      /<input[^>]*type="text"[^>]*name="form\.topic"|<input[^>]*name="form\.topic"[^>]*type="text"/,
    );
    expect(html).not.toContain('<textarea');
  });
});
