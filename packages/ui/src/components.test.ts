import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Alert } from './alert.tsx';
import { AppShell } from './app-shell.tsx';
import { Button } from './button.tsx';
import { Checkbox } from './checkbox.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { Fieldset } from './fieldset.tsx';
import { LocaleProvider } from './locale-context.tsx';
import { SelectField } from './select-field.tsx';
import { TextArea } from './text-area.tsx';
import { TextField } from './text-field.tsx';

function render(element: Parameters<typeof renderToStaticMarkup>[0], locale: 'zh-CN' | 'en' = 'en'): string {
  return renderToStaticMarkup(h(LocaleProvider, { locale, children: element }));
}

describe('TextField', () => {
  it('labels the input and leaves it valid without an error', () => {
    const html = render(h(TextField, { label: 'Username', name: 'username', autoComplete: 'username' }));
    expect(html).toContain('<label class="lj-field__label" for="username">Username</label>');
    expect(html).toContain('autoComplete="username"');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });

  it('links hint and error to the input and marks it invalid', () => {
    const html = render(h(TextField, { label: 'Code', name: 'code', hint: '6 digits', error: 'Wrong code' }));
    expect(html).toContain('id="code-hint"');
    expect(html).toContain('id="code-error"');
    expect(html).toContain('aria-describedby="code-hint code-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<span class="lj-visually-hidden">Error: </span>Code: Wrong code');
  });

  it("says the error prefix in the page's language", () => {
    const html = render(h(TextField, { label: '验证码', name: 'code', error: '验证码不正确' }), 'zh-CN');
    expect(html).toContain('错误： </span>验证码：验证码不正确');
  });
});

describe('ErrorSummary', () => {
  it('lists errors, linking those that belong to a field', () => {
    const html = render(
      h(ErrorSummary, {
        errors: [{ fieldId: 'password', message: 'Enter a password' }, { message: 'Too many attempts' }],
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#password">Enter a password</a>');
    expect(html).toContain('<li>Too many attempts</li>');
  });

  it('renders nothing without errors', () => {
    expect(render(h(ErrorSummary, { errors: [] }))).toBe('');
  });
});

describe('AppShell', () => {
  it('has a skip link, a header in the corrected brand colour and the main landmark', () => {
    const html = render(
      h(AppShell, { title: 'Xuhui', brandColour: '#ffd700', children: h('p', null, 'content') }),
    );
    expect(html).toContain('<a class="lj-skip-link" href="#main">Skip to main content</a>');
    expect(html).toContain('--lj-brand:#ffd700;--lj-brand-contrast:#111111');
    expect(html).toContain('<main class="lj-main" id="main" tabindex="-1"><p>content</p></main>');
  });

  it('shows the navigation as a named landmark under the header, only when given', () => {
    const html = render(
      h(AppShell, {
        title: 'Xuhui',
        navigation: h('ul', null, h('li', null, h('a', { href: '/t/xuhui' }, 'Today'))),
        children: null,
      }),
    );
    expect(html).toContain('<nav class="lj-nav" aria-label="Main navigation">');
    expect(html.indexOf('</header>')).toBeLessThan(html.indexOf('<nav'));
    expect(html.indexOf('<nav')).toBeLessThan(html.indexOf('<main'));
    expect(render(h(AppShell, { title: 'x', children: null }))).not.toContain('<nav');
    expect(
      render(
        h(AppShell, { title: 'x', navigation: 'n', navigationLabel: '功能导航', children: null }),
        'zh-CN',
      ),
    ).toContain('aria-label="功能导航"');
  });

  it('never writes an invalid colour into the style attribute', () => {
    const html = render(
      h(AppShell, { title: 'x', brandColour: 'red;background:url(//evil)', children: null }),
    );
    expect(html).not.toContain('evil');
    expect(html).toContain('--lj-brand:#1d4f91');
  });
});

describe('Button and Alert', () => {
  it('defaults buttons to type="button" so they never submit by accident', () => {
    expect(render(h(Button, null, 'Cancel'))).toBe(
      '<button type="button" class="lj-button lj-button--primary">Cancel</button>',
    );
    expect(render(h(Button, { type: 'submit', variant: 'secondary' }, 'Go'))).toContain('type="submit"');
  });

  it('announces errors assertively and information politely', () => {
    expect(render(h(Alert, { tone: 'error', title: 'Failed' }))).toContain('role="alert"');
    expect(render(h(Alert, { tone: 'success' }, 'Saved'))).toContain('role="status"');
  });
});

describe('SelectField', () => {
  it('labels the select and links its hint and error', () => {
    const html = render(
      h(SelectField, {
        label: 'Role',
        name: 'role',
        hint: 'One role',
        error: 'Choose a role',
        children: h('option', { value: '' }, 'Choose…'),
      }),
    );
    expect(html).toContain('<label class="lj-field__label" for="role">Role</label>');
    expect(html).toContain('aria-describedby="role-hint role-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<span class="lj-visually-hidden">Error: </span>Role: Choose a role');
    expect(html).toContain('<option value="">Choose…</option>');
  });
});

describe('Checkbox and Fieldset', () => {
  it('puts the label beside the box and ties them by id', () => {
    const html = render(
      h(Checkbox, { label: 'Notary', name: 'services', value: 'notary', id: 'service-notary' }),
    );
    expect(html).toContain('type="checkbox" id="service-notary" name="services" value="notary"');
    expect(html).toContain('<label class="lj-checkbox__label" for="service-notary">Notary</label>');
  });

  it('groups controls under a legend with one hint and error, and can be linked to', () => {
    const html = render(
      h(Fieldset, {
        legend: 'Services',
        id: 'services',
        hint: 'Pick some',
        error: 'Pick one',
        children: 'boxes',
      }),
    );
    expect(html).toContain('<fieldset class="lj-fieldset lj-field--error" id="services"');
    expect(html).toContain('aria-describedby="services-hint services-error"');
    expect(html).toContain('<legend class="lj-fieldset__legend">Services</legend>');
    expect(html).toContain('tabindex="-1"');
    expect(render(h(Fieldset, { legend: 'Plain', children: 'x' }))).not.toContain('aria-describedby');
  });
});

describe('a field error', () => {
  it('names its field, whatever the control, so "Enter a value." never stands alone', () => {
    const zh = (element: Parameters<typeof renderToStaticMarkup>[0]) => render(element, 'zh-CN');
    expect(zh(h(TextField, { label: '补贴金额', name: 'amount', error: '请填写此项。' }))).toContain(
      '</span>补贴金额：请填写此项。</p>',
    );
    expect(zh(h(TextArea, { label: '反馈内容', name: 'summary', error: '请填写此项。' }))).toContain(
      '</span>反馈内容：请填写此项。</p>',
    );
    expect(
      zh(h(SelectField, { label: '调解结果', name: 'outcome', error: '请选择。', children: null })),
    ).toContain('</span>调解结果：请选择。</p>');
    expect(zh(h(Fieldset, { legend: '重点人群', error: '请选择。', children: 'x' }))).toContain(
      '</span>重点人群：请选择。</p>',
    );
  });
});
