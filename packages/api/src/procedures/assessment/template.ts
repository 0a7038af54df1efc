import { assessmentTemplateXlsx } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The empty .xlsx template to hand an assessor (base64), with a filled-in example on a second sheet. */
export const template = tenantProcedure.query(async () => ({
  fileName: '第三方评估导入模板.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  contentBase64: Buffer.from(await assessmentTemplateXlsx()).toString('base64'),
}));
