import { assessmentTemplateXlsx } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The empty .xlsx template to hand an assessor (base64), with a filled-in example on a second sheet. */
export const template = tenantProcedure.query(async () => ({
  fileName: 'assessment-template.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  contentBase64: Buffer.from(await assessmentTemplateXlsx()).toString('base64'),
}));
