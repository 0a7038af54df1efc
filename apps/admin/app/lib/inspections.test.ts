import { describe, expect, it } from 'vitest';
import {
  inspectionsPageHref,
  pageCursor,
  parseScore,
  quarterOfDay,
  recentQuarters,
  sectionsFromRows,
} from './inspections.ts';

describe('inspection forms', () => {
  it('reads scores of at most one decimal, with a Chinese or European decimal comma', () => {
    expect(['8', '8.5', '8，5', '8,5', ' 10 '].map(parseScore)).toEqual([8, 8.5, 8.5, 8.5, 10]);
    expect(['', 'x', '8.25', '-1', '1e2'].map(parseScore)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('groups the editor rows into sections in the order they first appear, skipping blank rows', () => {
    const { sections, errors } = sectionsFromRows([
      { section: '阵地建设', text: '标识规范', max: '10' },
      { section: '服务质效', text: '台账完整', max: '20' },
      { section: '', text: '', max: '' },
      { section: '阵地建设', text: '值班公示', max: '5.5' },
    ]);
    expect(errors).toEqual({});
    expect(sections).toEqual([
      {
        title: '阵地建设',
        items: [
          { text: '标识规范', maxScore: 10 },
          { text: '值班公示', maxScore: 5.5 },
        ],
      },
      { title: '服务质效', items: [{ text: '台账完整', maxScore: 20 }] },
    ]);
  });

  it('names the row and field of an incomplete item', () => {
    expect(sectionsFromRows([{ section: '', text: '标识规范', max: '0' }]).errors).toEqual({
      'section-0': 'validation.required',
      'max-0': 'inspection.max_score_invalid',
    });
  });

  it('lists the quarters back from today across a year boundary', () => {
    expect(quarterOfDay('2026-11-23')).toBe('2026-Q4');
    expect(recentQuarters('2026-02-01', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('pages the list with the filters kept, taking only page positions the API hands out', () => {
    const after = '2026-05-12_0b7f9a52-3c1e-4d7a-9e55-1a2b3c4d5e6f';
    expect(inspectionsPageHref('/t/xuhui/inspections', { org: 'unit-1', quarter: '2026-Q2', after })).toBe(
      `/t/xuhui/inspections?org=unit-1&quarter=2026-Q2&after=${after}`,
    );
    expect(inspectionsPageHref('/t/xuhui/inspections', { org: null, quarter: '', after: null })).toBe(
      '/t/xuhui/inspections',
    );
    expect([after, '2026-05-12', 'x_y', null].map(pageCursor)).toEqual([after, null, null, null]);
  });
});
