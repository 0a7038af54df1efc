import { describe, expect, it } from 'vitest';
import { HsdsQueryError, hsdsPage } from './hsds-page.ts';

const items = ['a', 'b', 'c', 'd', 'e'];
const page = (query: string) => hsdsPage(items, new URLSearchParams(query));

describe('hsdsPage', () => {
  it('pages as the HSDS API says, counting pages from 1', () => {
    expect(page('per_page=2&page=3')).toEqual({
      total_items: 5,
      total_pages: 3,
      page_number: 3,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
      contents: ['e'],
    });
    expect(page('')).toMatchObject({ total_pages: 1, size: 5, first_page: true, last_page: true });
  });

  it('answers an empty list as one empty page, and past the last page with no contents', () => {
    expect(hsdsPage([], new URLSearchParams())).toMatchObject({
      total_pages: 1,
      empty: true,
      last_page: true,
    });
    expect(page('page=9')).toMatchObject({ page_number: 9, size: 0, empty: true, contents: [] });
  });

  it('names a page parameter that is not a whole number in range', () => {
    for (const [query, message] of [
      ['page=0', /^page: /],
      ['page=-1', /^page: /],
      ['per_page=2.5', /^per_page: /],
      ['per_page=201', /^per_page: at most 200$/],
    ] as const) {
      expect(() => page(query)).toThrow(HsdsQueryError);
      expect(() => page(query)).toThrow(message);
    }
  });
});
