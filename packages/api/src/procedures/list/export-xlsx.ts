import { exportList, ZListExportRequest } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/**
 * 导出 Excel: the rows of a list the person was shown (each list's own procedure decided what they
 * may see), as XLSX, base64, for the admin app's download; audited as an export. A mutation: it
 * writes the audit entry.
 */
export const exportXlsx = tenantProcedure
  .input(ZListExportRequest)
  .mutation(({ ctx, input }) => exportList(ctx.tx, ctx.actor, input));
