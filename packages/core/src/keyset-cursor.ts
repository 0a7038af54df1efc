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
