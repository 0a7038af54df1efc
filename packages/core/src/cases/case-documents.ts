import { randomUUID } from 'node:crypto';
import { and, eq, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { storeCheckedDocument, ZDocumentUpload } from '../documents/checked-document.ts';
import { type DocumentStore, type OpenedDocument, readWholeDocument } from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';

/** A case's documents without their content, oldest first. */
export const caseDocumentsOf = (tx: TenantTx, caseId: string) =>
  tx
    .select({
      id: schema.caseDocument.id,
      fileName: schema.caseDocument.fileName,
      contentType: schema.caseDocument.contentType,
      uploadedAt: schema.caseDocument.uploadedAt,
    })
    .from(schema.caseDocument)
    .where(eq(schema.caseDocument.caseId, caseId))
    .orderBy(schema.caseDocument.uploadedAt, schema.caseDocument.id);

export const ZAttachDocumentRequest = ZDocumentUpload.extend({ caseId: z.uuid() });

/** Attaches a file: size and type checked (by its content too), hashed, stored, recorded on the timeline. */
export async function attachDocument(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  request: z.input<typeof ZAttachDocumentRequest>,
) {
  const input = ZAttachDocumentRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  const {
    key: storageKey,
    sha256,
    sizeBytes,
  } = await storeCheckedDocument(files, tx, actor.tenantId, input, {
    content: 'contentBase64',
    type: 'contentType',
  });
  const document = {
    tenantId: actor.tenantId,
    id: randomUUID(),
    caseId: c.row.id,
    fileName: input.fileName,
    contentType: input.contentType,
    sizeBytes,
    sha256,
    storageKey,
    uploadedBy: actor.id,
  };
  await tx.insert(schema.caseDocument).values(document);
  const { tenantId: _, storageKey: __, ...metadata } = document;
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'document',
    action: 'case.document_attached',
    data: metadata,
  });
  return metadata;
}

/**
 * A case document for someone who may read the case, to download (its bytes streamed from the
 * store by the caller): each download is audited, in the caller's transaction.
 */
export async function openDocument(
  tx: TenantTx,
  actor: Actor,
  input: { caseId: string; documentId: string },
): Promise<OpenedDocument> {
  const c = await loadCase(tx, input.caseId);
  requireOnCase(actor, 'case.read', c);
  const [doc] = await tx
    .select()
    .from(schema.caseDocument)
    .where(and(eq(schema.caseDocument.caseId, c.row.id), eq(schema.caseDocument.id, input.documentId)));
  if (!doc) throw new DomainError('not-found', 'case.document_not_found', { field: 'documentId' });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'case.document_read',
    objectType: 'case',
    objectId: c.row.id,
    after: { documentId: doc.id },
  });
  return {
    fileName: doc.fileName,
    contentType: doc.contentType,
    sizeBytes: doc.sizeBytes,
    storageKey: doc.storageKey,
  };
}

/** A document's bytes (base64, for API clients) for someone who may read the case; each download is audited. */
export async function readDocument(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  input: { caseId: string; documentId: string },
) {
  const { storageKey, ...document } = await openDocument(tx, actor, input);
  const bytes = await readWholeDocument(files, storageKey, { tx });
  return { ...document, contentBase64: bytes.toString('base64') };
}
