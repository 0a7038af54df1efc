import { randomUUID } from 'node:crypto';
import { and, eq, inArray, schema, type TenantTx } from '@linju/db';
import {
  isFinalRefusal,
  PeerRequestRefused,
  type ReferralCreate,
  referralAttachmentPath,
} from '@linju/federation';
import type { ReferralOutcomeDocument } from '@linju/federation/referral-states';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { MAX_DOCUMENT_BYTES, storeCheckedDocument, ZDocumentUpload } from '../documents/checked-document.ts';
import {
  type DocumentStore,
  documentKey,
  type OpenedDocument,
  readWholeDocument,
  sha256Hex,
} from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import type { PeerFetcher } from '../federation/peer-fetch.ts';

type ReferralRow = typeof schema.referral.$inferSelect;
type AttachmentMessage = ReferralCreate['attachments'][number];
export type ReferralAttachmentRow = typeof schema.referralAttachment.$inferSelect;

/** The most documents one referral carries (the spec's create message allows 50). */
export const MAX_REFERRAL_ATTACHMENTS = 20;

/** An attachment as the create message carries it (spec, "Messages"). */
export const attachmentMessage = (referralId: string, a: ReferralAttachmentRow): AttachmentMessage => ({
  name: a.name,
  mediaType: a.mediaType,
  sha256: a.sha256,
  url: referralAttachmentPath(referralId, a.sha256),
});

/**
 * At send: the case documents chosen to go with the referral (they must be the case's own), each
 * once by content. Answers them in the spec's form, for the create message.
 */
export async function attachCaseDocuments(
  tx: TenantTx,
  row: ReferralRow,
  documentIds: readonly string[],
): Promise<AttachmentMessage[]> {
  if (documentIds.length === 0 || row.caseId === null) return [];
  const unique = [...new Set(documentIds)];
  if (unique.length > MAX_REFERRAL_ATTACHMENTS) {
    throw new DomainError('bad-request', 'referral.too_many_documents', {
      field: 'documentIds',
      params: { max: MAX_REFERRAL_ATTACHMENTS },
    });
  }
  const docs = await tx
    .select()
    .from(schema.caseDocument)
    .where(and(eq(schema.caseDocument.caseId, row.caseId), inArray(schema.caseDocument.id, unique)));
  if (docs.length !== unique.length) {
    throw new DomainError('bad-request', 'referral.document_not_found', { field: 'documentIds' });
  }
  const bySha = new Map(docs.map((d) => [d.sha256, d]));
  const rows = await tx
    .insert(schema.referralAttachment)
    .values(
      [...bySha.values()].map((d) => ({
        tenantId: row.tenantId,
        referralId: row.id,
        sha256: d.sha256,
        name: d.fileName,
        mediaType: d.contentType,
        sizeBytes: d.sizeBytes,
        storageKey: d.storageKey,
        documentId: d.id,
      })),
    )
    .returning();
  return rows.map((a) => attachmentMessage(row.id, a));
}

/**
 * On arrival: the attachments a create names, kept with the incoming referral; their bodies are
 * fetched from the sender's node when first read (`storageKey` null until then).
 */
export async function takeInAttachments(
  tx: TenantTx,
  row: ReferralRow,
  attachments: readonly AttachmentMessage[],
): Promise<void> {
  const unique = new Map(attachments.map((a) => [a.sha256, a]));
  if (unique.size === 0) return;
  await tx
    .insert(schema.referralAttachment)
    .values(
      [...unique.values()].map((a) => ({
        tenantId: row.tenantId,
        referralId: row.id,
        sha256: a.sha256,
        name: a.name,
        mediaType: a.mediaType,
        url: a.url,
      })),
    )
    .onConflictDoNothing();
}

/** A referral's attachments, oldest first (what the inbox and the link page list). */
export async function referralAttachments(tx: TenantTx, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return tx
    .select()
    .from(schema.referralAttachment)
    .where(inArray(schema.referralAttachment.referralId, [...referralIds]))
    .orderBy(schema.referralAttachment.createdAt, schema.referralAttachment.name);
}

/** What a list shows of an attachment: no storage details. */
export const attachmentSummary = (a: ReferralAttachmentRow) => ({
  sha256: a.sha256,
  name: a.name,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  /** `request`: sent with the referral; `outcome`: returned by the partner with its outcome. */
  purpose: a.purpose,
});

/** One attachment of a referral, or `referral.attachment_not_found`. */
export async function loadAttachment(tx: TenantTx, referralId: string, sha256: string) {
  const [a] = await tx
    .select()
    .from(schema.referralAttachment)
    .where(
      and(eq(schema.referralAttachment.referralId, referralId), eq(schema.referralAttachment.sha256, sha256)),
    );
  if (!a) throw new DomainError('not-found', 'referral.attachment_not_found', { field: 'sha256' });
  return a;
}

/**
 * A body fetched from the sender's node: it must be the file the create named (its SHA-256) and
 * within the size of a case document; then it is stored and the row remembers where.
 */
export async function storeFetchedAttachment(
  tx: TenantTx,
  files: DocumentStore,
  attachment: ReferralAttachmentRow,
  bytes: Uint8Array,
): Promise<ReferralAttachmentRow> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DomainError('bad-request', 'referral.attachment_too_large', {
      params: { max: MAX_DOCUMENT_BYTES },
    });
  }
  if (sha256Hex(bytes) !== attachment.sha256) {
    throw new DomainError('bad-request', 'referral.attachment_digest_mismatch', { field: 'sha256' });
  }
  const { key: storageKey } = await files.put(attachment.tenantId, bytes, { tx });
  const [stored] = await tx
    .update(schema.referralAttachment)
    .set({ storageKey, sizeBytes: bytes.length })
    .where(
      and(
        eq(schema.referralAttachment.referralId, attachment.referralId),
        eq(schema.referralAttachment.sha256, attachment.sha256),
      ),
    )
    .returning();
  return stored ?? attachment;
}

/** A stored attachment, to read: where its bytes are; each read is audited (in the caller's transaction). */
async function openStoredAttachment(
  tx: TenantTx,
  attachment: ReferralAttachmentRow,
  reader: Pick<Actor, 'id' | 'name'>,
): Promise<OpenedDocument> {
  if (!attachment.storageKey) throw new Error(`attachment ${attachment.sha256} has no stored body`);
  await appendAudit(tx, {
    actorId: reader.id,
    actorName: reader.name,
    action: 'referral.attachment_read',
    objectType: 'referral',
    objectId: attachment.referralId,
    after: { sha256: attachment.sha256, name: attachment.name },
  });
  return {
    fileName: attachment.name,
    contentType: attachment.mediaType,
    sizeBytes: attachment.sizeBytes,
    storageKey: attachment.storageKey,
  };
}

/** A stored attachment's bytes whole, checked against its hash (a peer's GET answers its digest); each read is audited. */
export async function readStoredAttachment(
  tx: TenantTx,
  files: DocumentStore,
  attachment: ReferralAttachmentRow,
  reader: Pick<Actor, 'id' | 'name'>,
): Promise<Buffer> {
  const { storageKey } = await openStoredAttachment(tx, attachment, reader);
  return readWholeDocument(files, storageKey, { tx });
}

/** Reads a response body, refusing it past `max` bytes without holding more than that. */
async function readLimited(response: Response, max: number): Promise<Uint8Array | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > max) return null;
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * An attachment for someone who may read the referral (its receiver), to download (its bytes
 * streamed by the caller): stored ones at once; one of an incoming referral not yet fetched is
 * fetched first from the sender's node (spec: a signed GET of its `url`), checked against its
 * SHA-256 and size, and stored, so a sender that later goes away does not take it along. Each
 * read is audited.
 */
export async function openAttachment(
  tx: TenantTx,
  files: DocumentStore,
  fetchFromPeer: PeerFetcher | undefined,
  referral: ReferralRow,
  sha256: string,
  reader: Pick<Actor, 'id' | 'name'>,
): Promise<OpenedDocument> {
  let attachment = await loadAttachment(tx, referral.id, sha256);
  if (!attachment.storageKey) {
    const path = attachment.url ? new URL(attachment.url, 'http://peer.invalid').pathname : null;
    const unavailable = (status: number) =>
      new DomainError('conflict', 'referral.attachment_unavailable', { field: 'sha256', params: { status } });
    if (!fetchFromPeer || !referral.remoteNode || !path?.endsWith(`/attachments/${attachment.sha256}`)) {
      throw unavailable(0);
    }
    const response = await fetchFromPeer(referral.remoteNode, path, tx).catch(() => undefined);
    if (!response?.ok) throw unavailable(response?.status ?? 0);
    const bytes = await readLimited(response, MAX_DOCUMENT_BYTES);
    if (!bytes) {
      throw new DomainError('bad-request', 'referral.attachment_too_large', {
        field: 'sha256',
        params: { max: MAX_DOCUMENT_BYTES },
      });
    }
    attachment = await storeFetchedAttachment(tx, files, attachment, bytes);
  }
  return openStoredAttachment(tx, attachment, reader);
}

/** An attachment's bytes (base64, for API clients), checked against its hash: {@link openAttachment}, read whole. */
export async function attachmentContent(
  tx: TenantTx,
  files: DocumentStore,
  fetchFromPeer: PeerFetcher | undefined,
  referral: ReferralRow,
  sha256: string,
  reader: Pick<Actor, 'id' | 'name'>,
) {
  const opened = await openAttachment(tx, files, fetchFromPeer, referral, sha256, reader);
  const bytes = await readWholeDocument(files, opened.storageKey, { tx });
  return {
    name: opened.fileName,
    mediaType: opened.contentType,
    sha256,
    contentBase64: bytes.toString('base64'),
  };
}

/**
 * The events whose outcome may return documents (spec: any event may carry `outcome.documents`):
 * a completion, and a failure (e.g. a ruling refusing the confirmation). Asked by the answer
 * procedures, the effect and the worker's fetch, so they agree.
 */
export const carriesOutcomeDocuments = (type: string): boolean => type === 'completed' || type === 'failed';

/** A document a partner returns with its outcome, as uploaded (inbox or one-time link). */
export const ZOutcomeDocumentUpload = ZDocumentUpload;
export type OutcomeDocumentUpload = z.input<typeof ZOutcomeDocumentUpload>;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The documents of an outcome: a list (an API request, base64 each), or — in-process callers only,
 * the admin's answer forms — the form's file parts one after another as they stream in, so the
 * count is known only once they are read.
 */
export const ZOutcomeDocuments = z.union([
  z.array(ZOutcomeDocumentUpload).max(MAX_REFERRAL_ATTACHMENTS),
  z.custom<AsyncIterable<OutcomeDocumentUpload>>(isAsyncIterable),
]);
export type OutcomeDocuments = z.input<typeof ZOutcomeDocuments>;

/**
 * At the receiver, before the completion goes to the workflow: each document the partner returns
 * is checked like a case document (size, accepted type, its content) and put in the file store
 * (content-addressed, so a completion the workflow refuses leaves at worst an unreferenced file),
 * one at a time as it arrives. Answers what the outcome carries through the workflow: names and
 * digests, never the bytes.
 */
export async function storeOutcomeDocuments(
  files: DocumentStore,
  tenantId: string,
  uploads: OutcomeDocuments,
  tx?: TenantTx,
): Promise<ReferralOutcomeDocument[]> {
  const field = 'outcome.documents';
  const documents = new Map<string, ReferralOutcomeDocument>();
  let count = 0;
  for await (const upload of uploads) {
    if (++count > MAX_REFERRAL_ATTACHMENTS) {
      throw new DomainError('bad-request', 'referral.too_many_documents', {
        field,
        params: { max: MAX_REFERRAL_ATTACHMENTS },
      });
    }
    const input = ZOutcomeDocumentUpload.parse(upload);
    const { sha256, sizeBytes } = await storeCheckedDocument(files, tx, tenantId, input, {
      content: field,
      type: field,
    });
    if (!documents.has(sha256))
      documents.set(sha256, { name: input.fileName, mediaType: input.contentType, sha256, sizeBytes });
  }
  return [...documents.values()];
}

/** The outcome's documents in the spec's form, each `url` the attachments path on this (the receiver's) node. */
export const outcomeDocumentsMessage = (
  senderScopedId: string,
  documents: readonly ReferralOutcomeDocument[],
) =>
  documents.map((d) => ({
    name: d.name,
    mediaType: d.mediaType,
    sha256: d.sha256,
    url: referralAttachmentPath(senderScopedId, d.sha256),
  }));

/**
 * What became of one returned document's fetch: stored (its size), or not taken for good — the
 * receiver refused it (a final 4xx, `status`), its body did not match the digest or exceeded the
 * size of a case document, or the message named no attachments path for it.
 */
export type OutcomeDocumentFetch =
  | { stored: true; sizeBytes: number }
  | { stored: false; refusal: 'refused'; status: number }
  | { stored: false; refusal: 'mismatch' | 'invalid' };

/**
 * At the sender: fetches one document the outcome names from the receiver's node (a signed GET of
 * its `url`, through the pinned directory), checks its digest and size and stores it. Throws when
 * trying again later may help (the node unpinned or away, a 5xx, 408/425/429). The one fetch the
 * worker's activity runs for a returned outcome and the case page's "fetch again" runs later.
 */
export async function fetchOutcomeDocument(
  files: DocumentStore,
  fetchFromPeer: PeerFetcher,
  tenantId: string,
  remoteNode: string,
  d: ReferralOutcomeDocument,
  tx?: TenantTx,
): Promise<OutcomeDocumentFetch> {
  const path = d.url ? new URL(d.url, 'http://peer.invalid').pathname : null;
  if (!path?.endsWith(`/attachments/${d.sha256}`) || !/^[0-9a-f]{64}$/.test(d.sha256)) {
    return { stored: false, refusal: 'invalid' };
  }
  const response = await fetchFromPeer(remoteNode, path).catch((error: unknown) => {
    // Over the bound the body was not read: the same as a document that does not match.
    if (error instanceof PeerRequestRefused && error.reason === 'too-large') return 'too-large' as const;
    throw error;
  });
  if (response === 'too-large') return { stored: false, refusal: 'mismatch' };
  if (!response) throw new Error(`node ${remoteNode} is not in the pinned peer directory`);
  if (!response.ok) {
    await response.body?.cancel();
    if (isFinalRefusal(response.status))
      return { stored: false, refusal: 'refused', status: response.status };
    throw new Error(`GET ${path} from ${remoteNode} answered ${response.status}`);
  }
  const bytes = await readLimited(response, MAX_DOCUMENT_BYTES);
  if (!bytes || sha256Hex(bytes) !== d.sha256) return { stored: false, refusal: 'mismatch' };
  await files.put(tenantId, bytes, tx ? { tx } : {});
  return { stored: true, sizeBytes: bytes.length };
}

/**
 * At the sender, before a completion (or failure) from the other node is recorded (the worker's
 * activity): fetches each document its outcome names ({@link fetchOutcomeDocument}). Answers the
 * stored ones (SHA-256 → size). One refused for good or not matching is left out: the effect
 * keeps it as unavailable (an `outcome` attachment without a body), and the case page offers to
 * fetch it again (`refetchOutcomeDocument`). Anything else throws, so the activity is retried.
 */
export async function fetchOutcomeDocuments(
  files: DocumentStore,
  fetchFromPeer: PeerFetcher,
  tenantId: string,
  remoteNode: string,
  documents: readonly ReferralOutcomeDocument[],
): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const d of documents) {
    const fetched = await fetchOutcomeDocument(files, fetchFromPeer, tenantId, remoteNode, d);
    if (fetched.stored) stored.set(d.sha256, fetched.sizeBytes);
  }
  return stored;
}

/**
 * In the effect's transaction of a completion or failure: the documents returned with the outcome are kept with
 * the referral (`purpose = 'outcome'`); where the referral has a case here (the sender's side, or
 * a partner inbox of the same district) each stored one becomes a case document, with its own
 * timeline entry in the partner's name. `stored` names the bodies in the file store (SHA-256 →
 * size); on the receiving side every document is (it was uploaded here).
 */
export async function keepOutcomeDocuments(
  tx: TenantTx,
  row: ReferralRow,
  documents: readonly ReferralOutcomeDocument[],
  options: {
    stored: ReadonlyMap<string, number>;
    timeline: (entry: { kind: 'document'; data: Record<string, unknown> }) => Promise<void>;
  },
): Promise<{ name: string; sha256: string; documentId: string | null }[]> {
  const kept: { name: string; sha256: string; documentId: string | null }[] = [];
  for (const d of new Map(documents.map((x) => [x.sha256, x])).values()) {
    const size = options.stored.get(d.sha256);
    const storageKey = size === undefined ? null : documentKey(row.tenantId, d.sha256);
    let documentId: string | null = null;
    if (row.caseId !== null && storageKey !== null && size !== undefined) {
      documentId = randomUUID();
      const document = {
        tenantId: row.tenantId,
        id: documentId,
        caseId: row.caseId,
        fileName: d.name,
        contentType: d.mediaType,
        sizeBytes: size,
        sha256: d.sha256,
        storageKey,
        uploadedBy: null,
      };
      await tx.insert(schema.caseDocument).values(document);
      const { tenantId: _, storageKey: __, ...metadata } = document;
      await options.timeline({
        kind: 'document',
        data: { ...metadata, referralId: row.id, source: 'referral-outcome' },
      });
    }
    await tx
      .insert(schema.referralAttachment)
      .values({
        tenantId: row.tenantId,
        referralId: row.id,
        sha256: d.sha256,
        name: d.name,
        mediaType: d.mediaType,
        sizeBytes: size ?? null,
        storageKey,
        documentId,
        url: d.url ?? null,
        purpose: 'outcome',
      })
      // The same file sent with the referral is already kept: it stays a request attachment.
      .onConflictDoNothing();
    kept.push({ name: d.name, sha256: d.sha256, documentId });
  }
  return kept;
}
