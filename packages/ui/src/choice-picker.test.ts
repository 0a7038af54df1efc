import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChoicePicker } from './choice-picker.tsx';
import { LocaleProvider } from './locale-context.tsx';

const choices = [
  { id: 'r1', label: '枫林路第三居委调解室', detail: '居村工作室 · 枫林路街道工作站' },
  { id: 'r2', label: '天平路第三居委调解室' },
];

const render = (props: { defaultValue?: string; error?: string } = {}) =>
  renderToStaticMarkup(
    h(LocaleProvider, {
      locale: 'zh-CN',
      children: h(ChoicePicker, { label: '受理机构', name: 'organisationId', choices, ...props }),
    }),
  );

describe('the choice picker as the server sends it (what works without JavaScript)', () => {
  it('is a labelled text box suggesting every choice from its list, with how to use it', () => {
    const html = render();
    const list = /list="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain('<label class="lj-field__label" for="organisationId">受理机构</label>');
    expect(html).toContain('输入名称的一部分，再从列表中选择。');
    expect(html).toContain(`<datalist id="${list}">`);
    expect(html).toContain(
      '<option value="枫林路第三居委调解室" label="居村工作室 · 枫林路街道工作站"></option>',
    );
    expect(html).toContain('<option value="天平路第三居委调解室"></option>');
    expect(html).toMatch(/<input[^>]*name="organisationId"[^>]*value=""/);
  });

  it("shows a chosen id by its name, and text typed before a refusal as typed, with the field's error", () => {
    expect(render({ defaultValue: 'r1' })).toMatch(/name="organisationId"[^>]*value="枫林路第三居委调解室"/);
    const refused = render({
      defaultValue: '第三居委',
      error: '有多个选项与所填文字相符，请从列表中选出一个。',
    });
    expect(refused).toMatch(/name="organisationId"[^>]*value="第三居委"/);
    expect(refused).toContain('aria-invalid="true"');
    expect(refused).toContain('受理机构：有多个选项与所填文字相符，请从列表中选出一个。');
  });
});
