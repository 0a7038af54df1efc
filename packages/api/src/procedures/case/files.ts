import {
  createPostgresDocumentStore,
  type DocumentStore,
  type OpenedDocument,
  uploadMaxBytes,
} from '@linju/core';
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

/**
 * A document opened for download (checked and audited in the procedure's transaction) with its
 * bytes read from the store chunk by chunk as the response sends them: the admin's download
 * routes stream it. In-process callers only; over HTTP the API clients' procedures answer base64.
 */
export const documentDownload = (ctx: ApiContext, { storageKey, ...document }: OpenedDocument) => ({
  ...document,
  content: filesOf(ctx).read(storageKey),
});
