import { translate } from '@linju/i18n';
import { describe, expect, it } from 'vitest';
import { hasProviderRecords, providerMark } from './provider-mark.ts';

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
