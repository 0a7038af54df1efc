import { createHash } from 'node:crypto';
import type { TenantTx } from '@linju/db';
import type { ContentSample } from './document-type.ts';

/** A document's bytes as they arrive: whole (an API request, a peer's answer) or streamed (a form's file part). */
export type DocumentContent = Uint8Array | AsyncIterable<Uint8Array>;

export const isDocumentContent = (value: unknown): value is DocumentContent =>
  value instanceof Uint8Array ||
  (typeof value === 'object' && value !== null && Symbol.asyncIterator in value);

/** What a put learnt of the bytes while storing them; `accept` sees it before the document is kept. */
export type StoredContent = { key: string; sha256: string; sizeBytes: number; sample: ContentSample };

export type PutOptions = {
  /** The transaction of the row that will refer to the document: a store that can joins it. */
  tx?: TenantTx;
  /** Checks (type, emptiness) once the bytes are in but before they are kept: what it throws leaves nothing. */
  accept?: (stored: StoredContent) => void;
};

/**
 * Where document bytes live: PostgreSQL (default, inside the caller's transaction) or an
 * S3-compatible bucket. Keys are content-addressed per tenant (`documentKey`), so the same file
 * stored twice is stored once. Every implementation passes `document-store.contract.ts`.
 */
export type DocumentStore = {
  /** The most bytes one document may have (`LINJU_UPLOAD_MAX_BYTES`); a put past it throws `DocumentTooLarge` mid-stream. */
  readonly maxBytes: number;
  put(tenantId: string, content: DocumentContent, options?: PutOptions): Promise<StoredContent>;
  /** The bytes, chunk by chunk; throws `DocumentMissing` for a key with no document. */
  read(key: string, options?: { tx?: TenantTx }): AsyncIterable<Buffer>;
  /**
   * The bytes are rows of the database itself (PostgreSQL): a backup's table copy already holds
   * them and a district's erasure already removes them.
   */
  readonly inDatabase?: boolean;
  /** Removes a document for good (a district's erasure); a missing one is no error. Stores outside the database only. */
  delete?(key: string): Promise<void>;
};

/** A stored document someone may download (checked and audited): what its record says, and where its bytes are. */
export type OpenedDocument = {
  fileName: string;
  contentType: string;
  /** Null for records that do not keep it (a provider record's evidence). */
  sizeBytes: number | null;
  storageKey: string;
};

/** 20 MiB: a scanned judgment or a phone's photos of a contract. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export class DocumentTooLarge extends Error {
  override name = 'DocumentTooLarge';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`the document is larger than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

export class DocumentMissing extends Error {
  override name = 'DocumentMissing';
  constructor(key: string) {
    super(`no document is stored under ${key}`);
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const KEY = /^([0-9a-f-]{36})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** `<tenant>/<ab>/<sha256>`: two hex digits of fan-out keep directories and prefixes small. */
export const documentKey = (tenantId: string, sha256: string) => {
  const key = `${tenantId}/${sha256.slice(0, 2)}/${sha256}`;
  parseDocumentKey(key);
  return key;
};

/** The tenant and digest a key names; throws for anything that is not a document key (no path tricks). */
export function parseDocumentKey(key: string): { tenantId: string; sha256: string } {
  const match = KEY.exec(key);
  if (!match?.[1] || !match[3] || match[2] !== match[3].slice(0, 2))
    throw new Error(`not a document key: ${key}`);
  return { tenantId: match[1], sha256: match[3] };
}

/** A document's bytes in memory, checked against the digest its key names: for readers that need it whole. */
export async function readWholeDocument(
  store: DocumentStore,
  key: string,
  options: { tx?: TenantTx } = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.read(key, options)) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (sha256Hex(bytes) !== parseDocumentKey(key).sha256)
    throw new Error(`document ${key} does not match its digest`);
  return bytes;
}
