import { formatNumber } from '@linju/i18n';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale, useTranslate } from './locale-context.tsx';
import { PAGE_SIZES, pageCount, pageNumbers, type TableChange, type TableView } from './table-view.ts';

/** One column: its heading, its cell, and — when the list can be ordered by it — its order. */
export interface DataColumn<R> {
  key: string;
  label: string;
  /** The view's `sort` value ordering by this column, and which way that order runs. */
  sort?: { key: string; direction: 'ascending' | 'descending' };
  /** The cell naming the row (its number): a row header. */
  rowHeader?: boolean;
  cell: (row: R) => ReactNode;
  /** The cell as words, for the list's export (导出 Excel). */
  text?: (row: R) => string;
}

/**
 * How a link of the table reaches another view: by default a link to `to(change)`; a list whose
 * search must not enter an address (a posted term) renders a small form posting it instead.
 */
export type ViewLink = (props: { change: TableChange; className: string; children: ReactNode }) => ReactNode;

export interface DataTableProps<R> {
  columns: readonly DataColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  view: TableView;
  /** How many rows the whole filter holds, counted up to a bound (`capped`: at least that many). */
  total: { count: number; capped: boolean };
  /** Said when no row matches. */
  empty: string;
  /** The address of the list in another view (`?sort=&page=&size=` with the filters). */
  to: (change: TableChange) => string;
  /** Instead of links to `to`: how to reach another view (see `ViewLink`). */
  viewLink?: ViewLink | undefined;
  /** 导出 Excel and other actions on the whole list, shown above it. */
  actions?: ReactNode;
  /** A check box a row for choosing rows (batch work): its field name and each box's label. */
  /** The app's own class for the table, beside the component's (its tables' look). */
  tableClassName?: string | undefined;
  select?:
    | { name: string; heading: string; label: (row: R) => string; checked: (row: R) => boolean }
    | undefined;
}

/**
 * 列表: one server-rendered table for every list — headers that order it, the total (共 N 条),
 * the page size, page numbers and the list's actions (导出 Excel) — all plain links or forms, so
 * it works without JavaScript.
 */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  view,
  total,
  empty,
  to,
  viewLink,
  actions,
  tableClassName,
  select,
}: DataTableProps<R>) {
  const t = useTranslate();
  const locale = useLocale();
  const ViewTo: ViewLink =
    viewLink ??
    (({ change, className, children }) => (
      <Link className={className} to={to(change)}>
        {children}
      </Link>
    ));
  const count = formatNumber(locale, total.count);
  // Within the count's bound: pages past it are never offered.
  const pages = pageCount(total.count, view.size);
  return (
    <div className="lj-data-table">
      <div className="lj-data-table__bar">
        <p className="lj-data-table__total" role="status">
          {total.capped ? t('table.total_capped', { count }) : t('table.total', { count })}
        </p>
        <p className="lj-data-table__sizes">
          <span>{t('table.page_size')}</span>
          {PAGE_SIZES.map((size) =>
            size === view.size ? (
              <strong key={size} aria-current="true">
                {t('table.page_size_option', { size })}
              </strong>
            ) : (
              <ViewTo key={size} change={{ size }} className="lj-data-table__size">
                {t('table.page_size_option', { size })}
              </ViewTo>
            ),
          )}
        </p>
        {actions ? <div className="lj-data-table__actions">{actions}</div> : null}
      </div>
      {rows.length === 0 ? (
        <p className="lj-data-table__empty">{empty}</p>
      ) : (
        <div className="lj-data-table__scroll">
          <table
            className={tableClassName ? `lj-data-table__table ${tableClassName}` : 'lj-data-table__table'}
          >
            <thead>
              <tr>
                {select ? <th scope="col">{select.heading}</th> : null}
                {columns.map((column) => {
                  const sorted =
                    column.sort && column.sort.key === view.sort ? column.sort.direction : undefined;
                  return (
                    <th key={column.key} scope="col" aria-sort={sorted}>
                      {column.sort && !sorted ? (
                        <ViewTo change={{ sort: column.sort.key }} className="lj-data-table__sort">
                          {column.label}
                        </ViewTo>
                      ) : (
                        column.label
                      )}
                      {sorted ? (
                        <span className="lj-data-table__sorted">
                          {sorted === 'ascending' ? ' ▲' : ' ▼'}
                          <span className="lj-visually-hidden">
                            {t(sorted === 'ascending' ? 'table.sorted_ascending' : 'table.sorted_descending')}
                          </span>
                        </span>
                      ) : null}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {select ? (
                    <td>
                      <input
                        type="checkbox"
                        name={select.name}
                        value={rowKey(row)}
                        defaultChecked={select.checked(row)}
                        aria-label={select.label(row)}
                      />
                    </td>
                  ) : null}
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row">
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key}>{column.cell(row)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="lj-data-table__pager" aria-label={t('table.pages')}>
          {view.page > 1 ? (
            <ViewTo change={{ page: view.page - 1 }} className="lj-data-table__page">
              {t('table.previous')}
            </ViewTo>
          ) : null}
          {pageNumbers(Math.min(view.page, pages), pages).map((page, i) =>
            page === 'gap' ? (
              <span key={`gap-${i}`} aria-hidden="true">
                …
              </span>
            ) : page === view.page ? (
              <strong key={page} aria-current="page">
                <span className="lj-visually-hidden">{t('table.page', { page })}</span>
                <span aria-hidden="true">{page}</span>
              </strong>
            ) : (
              <ViewTo key={page} change={{ page }} className="lj-data-table__page">
                {page}
              </ViewTo>
            ),
          )}
          {view.page < pages ? (
            <ViewTo change={{ page: view.page + 1 }} className="lj-data-table__page">
              {t('table.next')}
            </ViewTo>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
