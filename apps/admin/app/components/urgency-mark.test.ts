import { LocaleProvider } from '@linju/ui';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UrgencyMark } from './case-list.tsx';

const marked = (urgency: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderToStaticMarkup(h(LocaleProvider, { locale, children: h(UrgencyMark, { urgency }) }));

describe('the urgency mark beside a case’s status', () => {
  it('names a critical case 特急 (a counselling risk of harm, say) and an urgent one 紧急', () => {
    expect(marked('critical')).toContain(
      '<span class="admin-status admin-status--urgency-critical">特急</span>',
    );
    expect(marked('urgent')).toContain('紧急');
    expect(marked('critical', 'en')).toContain('Critical');
  });

  it('leaves an ordinary case unmarked', () => {
    expect(marked('normal')).toBe('');
  });
});
