import { describe, expect, it } from 'vitest';
import { documentDate } from './printable-document.ts';

describe('documentDate', () => {
  it('writes a date in words in Chinese documents, without leading zeros', () => {
    expect(documentDate('2026-01-09', 'zh-CN')).toBe('2026年1月9日');
    expect(documentDate('2026-12-31', 'en')).toBe('2026-12-31');
  });
});
