import type { TenantTx } from '@linju/db';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import {
  type DocumentContent,
  type DocumentStore,
  DocumentTooLarge,
  isDocumentContent,
  type StoredContent,
} from './document-store.ts';
import { contentMatchesType, isAcceptedDocumentType } from './document-type.ts';

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
