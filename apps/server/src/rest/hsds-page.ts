/** HSDS API paging (its openapi.json `Page`): `per_page` defaults to this and may not exceed the cap. */
export const HSDS_PAGE = { defaultSize: 50, maxSize: 200 } as const;

/** A query parameter that is not what the HSDS API takes, named so the caller can fix it. */
export class HsdsQueryError extends Error {}

function positiveInteger(params: URLSearchParams, name: string, fallback: number, max?: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) {
    throw new HsdsQueryError(`${name}: a whole number from 1${max ? ` to ${max}` : ''}`);
  }
  const value = Number(raw);
  if (max !== undefined && value > max) throw new HsdsQueryError(`${name}: at most ${max}`);
  return value;
}

/**
 * One page of a list, as the HSDS API pages it: `page` counts from 1; past the last page the
 * contents are empty (and `empty` says so) rather than an error, as a crawler walks until then.
 */
export function hsdsPage<T>(items: readonly T[], params: URLSearchParams) {
  const size = positiveInteger(params, 'per_page', HSDS_PAGE.defaultSize, HSDS_PAGE.maxSize);
  const pageNumber = positiveInteger(params, 'page', 1);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const contents = items.slice((pageNumber - 1) * size, pageNumber * size);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
