import { createLocalFileStore, defaultFilesDir, type FileStore } from '@linju/core';
import type { ApiContext } from '../../trpc.ts';

let local: FileStore | undefined;
/** The context's store, else the local disk under `${LINJU_DATA_DIR}/files`. */
export const filesOf = (ctx: ApiContext): FileStore => {
  if (ctx.files) return ctx.files;
  local ??= createLocalFileStore(defaultFilesDir());
  return local;
};
