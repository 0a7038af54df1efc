import { customType } from 'drizzle-orm/pg-core';

/** Full-text search terms, written and read as tsvector text (`'word' 'other'`). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
