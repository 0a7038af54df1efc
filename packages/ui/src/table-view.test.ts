import { describe, expect, it } from 'vitest';
import {
  changedView,
  pageCount,
  pageNumbers,
  pageOf,
  readTableView,
  type TableView,
  tableCells,
  tableViewParams,
} from './table-view.ts';

const SORTS = ['received', 'due'] as const;

describe('readTableView', () => {
  it('reads the order, page and page size a list address carries', () => {
    expect(readTableView(new URLSearchParams('sort=due&page=3&size=50'), SORTS)).toEqual({
      sort: 'due',
      page: 3,
      size: 50,
    });
  });

  it('reads anything unknown as the default: the first order, the first page, 20 a page', () => {
    expect(readTableView(new URLSearchParams('sort=name&page=-2&size=1000'), SORTS)).toEqual({
      sort: 'received',
      page: 1,
      size: 20,
    });
    expect(readTableView(new URLSearchParams('page=0&size=abc'), SORTS)).toEqual({
      sort: 'received',
      page: 1,
      size: 20,
    });
  });

  it('reads a posted form the same way', () => {
    const form = new FormData();
    form.set('size', '100');
    form.set('page', '2');
    expect(readTableView(form, SORTS)).toEqual({ sort: 'received', page: 2, size: 100 });
  });
});

describe('changedView', () => {
  const view: TableView<(typeof SORTS)[number]> = { sort: 'received', page: 4, size: 20 };

  it('goes to the page asked for in the same order', () => {
    expect(changedView(view, { page: 5 })).toEqual({ sort: 'received', page: 5, size: 20 });
  });

  it('starts at the first page in another order or another page size', () => {
    expect(changedView(view, { sort: 'due' })).toEqual({ sort: 'due', page: 1, size: 20 });
    expect(changedView(view, { size: 50 })).toEqual({ sort: 'received', page: 1, size: 50 });
  });

  it('keeps the page when the order asked for is the one shown', () => {
    expect(changedView(view, { sort: 'received' }).page).toBe(4);
  });
});

describe('tableViewParams', () => {
  it('leaves the defaults out, so the plain list keeps its plain address', () => {
    expect(tableViewParams({ sort: 'received', page: 1, size: 20 }, SORTS)).toEqual({});
    expect(tableViewParams({ sort: 'due', page: 2, size: 100 }, SORTS)).toEqual({
      sort: 'due',
      page: '2',
      size: '100',
    });
  });
});

describe('pageCount', () => {
  it('rounds up, and an empty list is one page', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(1000, 50)).toBe(20);
  });
});

describe('pageNumbers', () => {
  it('shows every page of a short list', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the first, the last and two either side of the current page, with gaps', () => {
    expect(pageNumbers(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(pageNumbers(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
    expect(pageNumbers(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });

  it('shows a lone left-out page instead of a gap standing for it', () => {
    expect(pageNumbers(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 10]);
  });
});

describe('tableCells', () => {
  it('gives the headings and each row as words, a column without words empty', () => {
    const columns = [{ label: '编号', text: (row: { n: string }) => row.n }, { label: '操作' }];
    expect(tableCells(columns, [{ n: 'XH-2026-1' }, { n: 'XH-2026-2' }])).toEqual({
      columns: ['编号', '操作'],
      rows: [
        ['XH-2026-1', ''],
        ['XH-2026-2', ''],
      ],
    });
  });
});

describe('pageOf', () => {
  it('gives the rows of the page asked for, none past the last', () => {
    const rows = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(pageOf(rows, { sort: 'name', page: 1, size: 20 })).toHaveLength(20);
    expect(pageOf(rows, { sort: 'name', page: 3, size: 20 })).toEqual([41, 42, 43, 44, 45]);
    expect(pageOf(rows, { sort: 'name', page: 4, size: 20 })).toEqual([]);
  });
});
