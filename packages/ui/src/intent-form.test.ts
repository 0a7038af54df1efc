import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CsrfProvider } from './csrf.tsx';
import { FormLanding, type IntentFailure, IntentForm } from './intent-form.tsx';
import { LocaleProvider } from './locale-context.tsx';

/** The form on a page of its own, as a route renders it, with the session's token. */
function render(failure?: IntentFailure, submissionKey?: string, landing?: string) {
  const Page = () =>
    h(IntentForm, {
      intent: 'note',
      title: 'Add a note',
      submit: 'Save',
      failure,
      hidden: { referralId: 'r-1' },
      children: (field) =>
        h('div', null, [
          h('input', { key: 'text', ...field('text'), 'data-error': field('text').error ?? '' }),
          h('input', { key: 'day', defaultValue: '2026-12-06', ...field('day') }),
        ]),
    });
  const Stub = createRoutesStub([{ path: '/', Component: Page }]);
  return renderToStaticMarkup(
    h(LocaleProvider, {
      locale: 'en',
      children: h(CsrfProvider, {
        token: 'tok-1',
        submissionKey,
        children: h(FormLanding.Provider, { value: landing, children: h(Stub) }),
      }),
    }),
  );
}

describe('IntentForm', () => {
  it('posts its intent, its hidden values and the CSRF token, folded while it has not failed', () => {
    const html = render();
    expect(html).toContain('<input type="hidden" name="csrf" value="tok-1"/>');
    expect(html).toContain('<input type="hidden" name="intent" value="note"/>');
    expect(html).toContain('<input type="hidden" name="referralId" value="r-1"/>');
    expect(html).toContain('id="note-text"');
    expect(html).not.toContain('open=""');
  });

  it('opens with its own errors, translated, when it was the form that failed', () => {
    const html = render({
      intent: 'note',
      errors: { form: ['validation.failed'], fields: { text: 'validation.required' } },
      values: {},
    });
    expect(html).toContain('open=""');
    expect(html).toMatch(/data-error="[^"]+"/);
    expect(html).not.toContain('data-error=""');
  });

  it('stays folded when another form failed', () => {
    const html = render({
      intent: 'assign',
      errors: { form: [], fields: { text: 'validation.required' } },
      values: {},
    });
    expect(html).not.toContain('open=""');
    expect(html).toContain('data-error=""');
  });

  it('fills its fields again with what was typed when it was refused, keeping defaults otherwise', () => {
    const refused = render({
      intent: 'note',
      errors: { form: [], fields: { day: 'validation.date_invalid' } },
      values: { text: 'The neighbour came back twice', day: '2099-01-01' },
    });
    expect(refused).toContain('value="The neighbour came back twice"');
    expect(refused).toContain('value="2099-01-01"');
    expect(render()).toContain('value="2026-12-06"');
  });

  it("posts the rendering's submission key beside the CSRF token", () => {
    const key = '6f1c2a52-5a4b-4a39-9d53-2a7f4b3c1d10';
    expect(render(undefined, key)).toContain(`<input type="hidden" name="submission" value="${key}"/>`);
    expect(render()).not.toContain('name="submission"');
  });

  it("posts to the page's landing when the page has one, so the answer is on screen", () => {
    expect(render(undefined, undefined, 'outcome')).toContain('action="/#outcome" method="post"');
    expect(render()).not.toContain('#');
  });

  it('sends with a submit button that is enabled while nothing is posting', () => {
    expect(render()).toMatch(/<button type="submit" class="lj-button lj-button--primary">Save<\/button>/);
  });
});
