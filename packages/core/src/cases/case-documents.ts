import { randomUUID } from 'node:crypto';
import { and, eq, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import { documentKey, type FileStore, sha256Hex } from './file-store.ts';

/**
 * 1 MiB: files travel base64-encoded in one API request, and the server refuses bodies over
 * 2 MiB. Larger files wait for a streaming upload endpoint.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * Accepted types, each with the first bytes its content must start with. A Map, not an object: a
 * declared type is looked up as given, and `constructor` or `__proto__` is simply not a type.
 */
export const DOCUMENT_TYPES: ReadonlyMap<string, readonly number[] | null> = new Map([
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', [0x50, 0x4b, 0x03, 0x04]], // zip
  ['text/plain', null],
]);

/**
 * The bytes of an uploaded file once they pass every check: not empty, within the size, of an
 * accepted type, and starting as that type must. Errors name `fields.content` or `fields.type`.
 */
export function checkedDocumentBytes(
  upload: { contentType: string; contentBase64: string },
  fields: { content: string; type: string },
): Buffer {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0)
    throw new DomainError('bad-request', 'case.document_empty', { field: fields.content });
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DomainError('bad-request', 'case.document_too_large', {
      field: fields.content,
      params: { max: MAX_DOCUMENT_BYTES },
    });
  }
  const magic = DOCUMENT_TYPES.get(upload.contentType);
  if (magic === undefined)
    throw new DomainError('bad-request', 'case.document_type_not_allowed', { field: fields.type });
  if (magic && !magic.every((b, i) => bytes[i] === b))
    throw new DomainError('bad-request', 'case.document_content_mismatch', { field: fields.type });
  return bytes;
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
    .max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8, { message: 'case.document_too_large' }),
});

export const ZAttachDocumentRequest = ZDocumentUpload.extend({ caseId: z.uuid() });

/** Attaches a file: size and type checked (by its content too), hashed, stored, recorded on the timeline. */
export async function attachDocument(
  tx: TenantTx,
  actor: Actor,
  files: FileStore,
  request: z.input<typeof ZAttachDocumentRequest>,
) {
  const input = ZAttachDocumentRequest.parse(request);
  const bytes = checkedDocumentBytes(input, { content: 'contentBase64', type: 'contentType' });
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  const sha256 = sha256Hex(bytes);
  const storageKey = documentKey(actor.tenantId, sha256);
  await files.put(storageKey, bytes);
  const document = {
    tenantId: actor.tenantId,
    id: randomUUID(),
    caseId: c.row.id,
    fileName: input.fileName,
    contentType: input.contentType,
    sizeBytes: bytes.length,
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

/** A document's bytes (base64) for someone who may read the case; each download is audited. */
export async function readDocument(
  tx: TenantTx,
  actor: Actor,
  files: FileStore,
  input: { caseId: string; documentId: string },
) {
  const c = await loadCase(tx, input.caseId);
  requireOnCase(actor, 'case.read', c);
  const [doc] = await tx
    .select()
    .from(schema.caseDocument)
    .where(and(eq(schema.caseDocument.caseId, c.row.id), eq(schema.caseDocument.id, input.documentId)));
  if (!doc) throw new DomainError('not-found', 'case.document_not_found', { field: 'documentId' });
  const bytes = await files.get(doc.storageKey);
  if (sha256Hex(bytes) !== doc.sha256) throw new Error(`document ${doc.id} does not match its hash`);
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
    contentBase64: bytes.toString('base64'),
  };
}
