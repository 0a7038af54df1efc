import { publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';

const ZPostedFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().max(120),
  contentBase64: z.string(),
});

/**
 * A legal-aid application sent online by the resident who verified their phone: the intake form
 * as at the desk (the hardship declaration unless exempt, checked by the platform with the
 * plugin's own schema), its documents, in the queue of the nearest unit offering legal aid.
 */
export const applyOnline = publicProcedure({
  kind: 'mutation',
  input: z.object({
    organisationId: z.uuid({ message: 'validation.required' }),
    form: z.record(z.string(), z.unknown()),
    documents: z.array(ZPostedFile).max(5).default([]),
  }),
  run: (ctx, input) =>
    ctx.openOnlineCase({
      organisationId: input.organisationId,
      categoryId: typeof input.form.matter === 'string' ? input.form.matter : null,
      residentName: typeof input.form.applicantName === 'string' ? input.form.applicantName : '',
      summary: typeof input.form.summary === 'string' ? input.form.summary : '',
      form: input.form,
      documents: input.documents.map((d) => ({
        fileName: d.fileName,
        contentType: d.contentType,
        content: Buffer.from(d.contentBase64, 'base64'),
      })),
    }),
});
