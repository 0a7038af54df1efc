import { randomUUID } from 'node:crypto';
import { and, eq, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import {
  type DocumentContent,
  type DocumentStore,
  DocumentTooLarge,
  isDocumentContent,
  type OpenedDocument,
  readWholeDocument,
  type StoredContent,
} from '../documents/document-store.ts';
import { contentMatchesType, isAcceptedDocumentType } from '../documents/document-type.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';

/**
 * 1 MiB: a file sent base64 inside a JSON request (an API client, a peer's outcome) stays within the
 * JSON body limit. The admin's forms stream theirs instead, up to the store's `maxBytes`.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** An upload's bytes: streamed (`content`, a form's file part) or base64 in the request, at most `MAX_DOCUMENT_BYTES`. */
function contentOf(
  upload: { contentBase64?: string | undefined; content?: DocumentContent | undefined },
  field: string,
): DocumentContent {
  if (upload.content) return upload.content;
  const bytes = Buffer.from(upload.contentBase64 ?? '', 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new DomainError('bad-request', 'case.document_too_large', {
      field,
      params: { max: MAX_DOCUMENT_BYTES },
    });
  return bytes;
}

/**
 * Stores an uploaded file once it passes every check: of an accepted type, within the store's size
 * (counted as it streams in), not empty, and its content that type (sniffed, not taken from its
 * name). A refusal names `fields.content` or `fields.type` and leaves nothing stored.
 */
export async function storeCheckedDocument(
  files: DocumentStore,
  tx: TenantTx | undefined,
  tenantId: string,
  upload: { contentType: string; contentBase64?: string | undefined; content?: DocumentContent | undefined },
  fields: { content: string; type: string },
): Promise<Omit<StoredContent, 'sample'>> {
  if (!isAcceptedDocumentType(upload.contentType))
    throw new DomainError('bad-request', 'case.document_type_not_allowed', { field: fields.type });
  try {
    const { sample: _, ...stored } = await files.put(tenantId, contentOf(upload, fields.content), {
      ...(tx ? { tx } : {}),
      accept: ({ sizeBytes, sample }) => {
        if (sizeBytes === 0)
          throw new DomainError('bad-request', 'case.document_empty', { field: fields.content });
        if (!contentMatchesType(upload.contentType, sample))
          throw new DomainError('bad-request', 'case.document_content_mismatch', { field: fields.type });
      },
    });
    return stored;
  } catch (error) {
    if (!(error instanceof DocumentTooLarge)) throw error;
    throw new DomainError('bad-request', 'case.upload_too_large', {
      field: fields.content,
      params: { max: mebibytes(error.maxBytes) },
    });
  }
}

/**
 * A file as a form uploads it (a case document, a partner's outcome document, a provider's
 * evidence): its name (no path), declared type and base64 body, at most a case document's size.
 */
export const ZDocumentUpload = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, { message: 'case.document_name_invalid' }),
  contentType: z.string().max(120),
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8, { message: 'case.document_too_large' })
    .optional(),
  /** In-process callers only (the admin's form actions): the file part as it streams in. */
  content: z.custom<DocumentContent>(isDocumentContent).optional(),
});

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
