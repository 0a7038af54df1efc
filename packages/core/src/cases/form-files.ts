import { eq, schema, type TenantTx } from '@linju/db';
import type { FormField, FormFile } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import type { DocumentStore } from '../documents/index.ts';
import { attachDocument } from './case-documents.ts';

type Upload = Extract<FormFile, { contentBase64: string }>;
const isUpload = (value: unknown): value is Upload =>
  typeof value === 'object' && value !== null && 'contentBase64' in value;

/** Whether an intake's form carries a file to store: without one, `storeFormFiles` has nothing to do. */
export const formHoldsUpload = (form: Record<string, unknown> | undefined): boolean =>
  Object.values(form ?? {}).some(isUpload);

/**
 * Stores the files of a declarative X service's form as case documents (size and type checked,
 * hashed, on the timeline) and keeps only their references in the case's form, in the intake's
 * transaction. Forms without file fields are left as they are.
 */
export async function storeFormFiles(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  caseId: string,
): Promise<void> {
  const [c] = await tx
    .select({ serviceType: schema.legalCase.serviceType, form: schema.legalCase.form })
    .from(schema.legalCase)
    .where(eq(schema.legalCase.id, caseId));
  if (!c) return;
  const [x] = await tx
    .select({ form: schema.xService.form })
    .from(schema.xService)
    .where(eq(schema.xService.serviceId, c.serviceType));
  const fileKeys = ((x?.form ?? []) as FormField[]).filter((f) => f.type === 'file').map((f) => f.key);
  const uploads = fileKeys.filter((key) => isUpload(c.form[key]));
  if (uploads.length === 0) return;
  const form = { ...c.form };
  for (const key of uploads) {
    const upload = form[key] as Upload;
    const document = await attachDocument(tx, actor, files, { caseId, ...upload });
    form[key] = {
      documentId: document.id,
      fileName: document.fileName,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
    } satisfies FormFile;
  }
  await tx.update(schema.legalCase).set({ form }).where(eq(schema.legalCase.id, caseId));
}
