import { translate } from '@linju/i18n';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AssigneeFields, hasProviderRecords, providerMark } from './assignee-fields.tsx';
import { LocaleProvider } from './locale-context.tsx';

const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

describe('the mark beside a candidate to assign', () => {
  it('says nothing of a candidate without active records', () => {
    const clean = { misconduct: 0, negativeListed: false };
    expect(hasProviderRecords(clean)).toBe(false);
    expect(providerMark(zh, clean)).toBe('');
  });

  it('names the negative list first, then counts the misconduct records', () => {
    const both = { misconduct: 2, negativeListed: true };
    expect(hasProviderRecords(both)).toBe(true);
    expect(providerMark(zh, both)).toBe(' · 负面清单 · 不良执业记录 2 条');
    expect(providerMark(en, { misconduct: 1, negativeListed: false })).toBe(' · 1 misconduct record(s)');
  });
});

describe('the fields assigning a case', () => {
  const candidates = [
    {
      id: 'p1',
      displayName: '周敏',
      roles: ['legal-aid-officer'],
      providerRecords: { misconduct: 0, negativeListed: false },
    },
    {
      id: 'p2',
      displayName: '刘洋',
      roles: ['lawyer'],
      providerRecords: { misconduct: 0, negativeListed: true },
    },
  ];
  const render = (typed: Record<string, string> = {}, errors: Record<string, string> = {}) =>
    renderToStaticMarkup(
      h(LocaleProvider, {
        locale: 'zh-CN',
        children: h(AssigneeFields, {
          field: (name) => ({ name, id: `assign-${name}`, error: errors[name], defaultValue: typed[name] }),
          candidates,
          label: '承办人',
        }),
      }),
    );

  it('names each candidate with roles and records, and lists those with records apart', () => {
    const html = render();
    expect(html).toContain('<option value="p1">周敏 · 法律援助工作人员</option>');
    expect(html).toContain('<option value="p2">刘洋 · 律师 · 负面清单</option>');
    expect(html).toContain('aria-label="有执业记录的候选人"><li>刘洋 · 负面清单</li></ul>');
  });

  it('asks for a reason only once the platform asked for it, or when one was typed', () => {
    expect(render()).not.toContain('<textarea');
    const refused = render({ assigneeId: 'p2' }, { negativeListReason: '请填写理由' });
    expect(refused).toContain('name="negativeListReason"');
    expect(refused).toContain('指派负面清单人员的理由');
    expect(refused).not.toContain('name="conflictReason"');
    expect(render({ conflictReason: '当事人坚持' })).toContain('利益冲突情况下仍指派的理由');
  });
});
