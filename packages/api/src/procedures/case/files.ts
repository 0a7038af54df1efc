import { createPostgresDocumentStore, type DocumentStore, uploadMaxBytes } from '@linju/core';
import type { ApiContext } from '../../trpc.ts';

const fallback = new WeakMap<ApiContext['db'], DocumentStore>();

/** The context's store, else the documents in this context's database (sealed with its box). */
export const filesOf = (ctx: ApiContext): DocumentStore => {
  if (ctx.files) return ctx.files;
  const known = fallback.get(ctx.db);
  if (known) return known;
  const store = createPostgresDocumentStore({ db: ctx.db, box: ctx.box, maxBytes: uploadMaxBytes() });
  fallback.set(ctx.db, store);
  return store;
};
