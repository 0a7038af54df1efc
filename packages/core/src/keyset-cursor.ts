import { and, eq, lt, or, type SQL } from '@linju/db';
import { z } from 'zod';
import { DomainError } from './errors.ts';

/** A page's end in a newest-first list ordered by creation time and id: `<ISO time>|<uuid>`. */
export const encodeCreatedCursor = (createdAt: Date, id: string) => `${createdAt.toISOString()}|${id}`;

/** The cursor a client sent back, or a clear refusal naming the field. */
export function decodeCreatedCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = cursor.split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) {
    throw new DomainError('bad-request', 'validation.invalid', { field: 'cursor' });
  }
  return { createdAt, id };
}

/** Rows after the cursor in a newest-first list (created earlier, or at the same time with a lower id). */
export function createdBefore(
  columns: { createdAt: Parameters<typeof lt>[0]; id: Parameters<typeof lt>[0] },
  after: { createdAt: Date; id: string } | null,
): SQL | undefined {
  if (!after) return undefined;
  return or(
    lt(columns.createdAt, after.createdAt),
    and(eq(columns.createdAt, after.createdAt), lt(columns.id, after.id)),
  );
}

/** A page of `limit` rows out of `limit + 1` read, with the cursor to the next one if there is more. */
export function createdPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCreatedCursor(last.createdAt, last.id) : null,
  };
}
