/** The page sizes a list offers (每页条数). */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** How a list is shown: its order (one of its sortable columns), its page and page size. */
export interface TableView<S extends string = string> {
  sort: S;
  page: number;
  size: PageSize;
}

/** What a link of the table changes in its view (a header: the order; the pager: the page…). */
export type TableChange<S extends string = string> = Partial<TableView<S>>;

/**
 * A list's view as its address or its posted form gives it (`sort`, `page`, `size`), anything
 * unknown read as the default: the first of `sorts`, the first page, 20 a page.
 */
export function readTableView<S extends string>(
  params: URLSearchParams | FormData,
  sorts: readonly [S, ...S[]],
): TableView<S> {
  const text = (name: string) => {
    const value = params.get(name);
    return typeof value === 'string' ? value : '';
  };
  const sort = sorts.find((s) => s === text('sort')) ?? sorts[0];
  const page = /^[1-9]\d{0,5}$/.test(text('page')) ? Number(text('page')) : 1;
  const size = PAGE_SIZES.find((s) => String(s) === text('size')) ?? PAGE_SIZES[0];
  return { sort, page, size };
}

/**
 * A change applied to a view: a new order or page size starts again at the first page (the page
 * the person was on means nothing in another order). The order is one of the page's own columns'.
 */
export function changedView<V extends TableView>(view: V, change: TableChange): V {
  const restart = (change.sort && change.sort !== view.sort) || (change.size && change.size !== view.size);
  return {
    ...view,
    ...change,
    sort: (change.sort ?? view.sort) as V['sort'],
    page: change.page ?? (restart ? 1 : view.page),
  };
}

/** A view as address parameters, the defaults left out so the plain list keeps its plain address. */
export function tableViewParams<S extends string>(
  view: TableView<S>,
  sorts: readonly [S, ...S[]],
): Record<string, string> {
  return {
    ...(view.sort !== sorts[0] ? { sort: view.sort } : {}),
    ...(view.page > 1 ? { page: String(view.page) } : {}),
    ...(view.size !== PAGE_SIZES[0] ? { size: String(view.size) } : {}),
  };
}

/** How many pages `count` rows make, at least one (an empty list is one empty page). */
export const pageCount = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

/**
 * The page numbers the pager shows: the first, the last, and `around` either side of the current
 * one, with a gap (…) wherever numbers are left out — 1 … 4 5 6 7 8 … 20.
 */
export function pageNumbers(current: number, pages: number, around = 2): (number | 'gap')[] {
  const shown = new Set([1, pages]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const [i, p] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before !== undefined && p - before === 2) out.push(before + 1);
    else if (before !== undefined && p - before > 2) out.push('gap');
    out.push(p);
  }
  return out;
}

/**
 * A list's rows as words for its export: the columns' headings, then each row's cells as the
 * screen shows them (a column without words exports empty).
 */
export function tableCells<R>(
  columns: readonly { label: string; text?: (row: R) => string }[],
  rows: readonly R[],
): { columns: string[]; rows: string[][] } {
  return {
    columns: columns.map((column) => column.label),
    rows: rows.map((row) => columns.map((column) => column.text?.(row) ?? '')),
  };
}

/** The rows of a view's page, for a list the API gives whole (a unit's volunteers of a month). */
export const pageOf = <R>(rows: readonly R[], view: TableView): R[] =>
  rows.slice((view.page - 1) * view.size, view.page * view.size);
