import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { loadCase, recordCaseEvent } from '../cases/case-access.ts';
import { type DocumentStore, documentKey } from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import type { PeerFetcher } from '../federation/peer-fetch.ts';
import { fetchOutcomeDocument, loadAttachment, type OutcomeDocumentFetch } from './referral-attachments.ts';
import { referralForSender } from './referral-service.ts';

/**
 * The documents a partner returned with its outcome that this side could not take (the receiver
 * refused the fetch for good, or the body did not match): kept as `outcome` attachments without a
 * body, by referral. What the case page lists with "fetch again".
 */
export async function missingOutcomeDocuments(tx: TenantTx, referralIds: readonly string[]) {
  if (referralIds.length === 0) return new Map<string, { sha256: string; name: string }[]>();
  const rows = await tx
    .select({
      referralId: schema.referralAttachment.referralId,
      sha256: schema.referralAttachment.sha256,
      name: schema.referralAttachment.name,
    })
    .from(schema.referralAttachment)
    .where(
      and(
        inArray(schema.referralAttachment.referralId, [...referralIds]),
        eq(schema.referralAttachment.purpose, 'outcome'),
        isNull(schema.referralAttachment.storageKey),
      ),
    )
    .orderBy(schema.referralAttachment.createdAt, schema.referralAttachment.name);
  const missing = new Map<string, { sha256: string; name: string }[]>();
  for (const { referralId, ...d } of rows) missing.set(referralId, [...(missing.get(referralId) ?? []), d]);
  return missing;
}

export const ZRefetchOutcomeDocumentRequest = z.object({
  referralId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'referral.attachment_not_found' }),
});
export type RefetchOutcomeDocumentRequest = z.input<typeof ZRefetchOutcomeDocumentRequest>;

/** A refusal of the fetch, in the user's words: the same document may come later, or never. */
function refusalOf(fetched: Exclude<OutcomeDocumentFetch, { stored: true }>): DomainError {
  if (fetched.refusal === 'refused') {
    return new DomainError('conflict', 'referral.outcome_document_refused', {
      field: 'sha256',
      params: { status: fetched.status },
    });
  }
  return new DomainError('conflict', 'referral.outcome_document_mismatch', { field: 'sha256' });
}

/**
 * "Fetch again" (the case page): a document the partner's node returned with its outcome that
 * the worker could not take is fetched once more, with the worker's own fetch
 * (`fetchOutcomeDocument`: signed, the pinned base URL, digest and size checked), directly from
 * the request — the referral's workflow has ended, and the person waits for the answer. Stored,
 * it becomes a document of the case with its timeline entry and the audit entry
 * (`referral.outcome_document_fetched`), in this transaction. Who may: the sending side
 * (`referral.send` on the sending unit, or the referral's author). One already taken answers
 * its document again (a second click changes nothing). Refusals: `referral.outcome_document_refused`
 * (the receiver still refuses it, with its status), `referral.outcome_document_mismatch`,
 * `referral.outcome_document_unreachable` (node away or not pinned: try later).
 */
export async function refetchOutcomeDocument(
  tx: TenantTx,
  actor: Actor,
  deps: { files: DocumentStore; fetchFromPeer: PeerFetcher | undefined },
  request: RefetchOutcomeDocumentRequest,
) {
  const input = ZRefetchOutcomeDocumentRequest.parse(request);
  const { referral } = await referralForSender(tx, actor, input.referralId);
  const attachment = await loadAttachment(tx, referral.id, input.sha256);
  if (attachment.purpose !== 'outcome' || referral.caseId === null) {
    throw new DomainError('not-found', 'referral.attachment_not_found', { field: 'sha256' });
  }
  const answer = (documentId: string) => ({
    referralId: referral.id,
    caseId: referral.caseId,
    documentId,
    sha256: attachment.sha256,
    fileName: attachment.name,
  });
  if (attachment.documentId) return answer(attachment.documentId);
  const unreachable = () =>
    new DomainError('conflict', 'referral.outcome_document_unreachable', { field: 'sha256' });
  if (!deps.fetchFromPeer || !referral.remoteNode || !attachment.url) throw unreachable();
  const { fetchFromPeer } = deps;
  const fetched = await fetchOutcomeDocument(
    deps.files,
    (peerNode, path) => fetchFromPeer(peerNode, path, tx),
    referral.tenantId,
    referral.remoteNode,
    {
      name: attachment.name,
      mediaType: attachment.mediaType,
      sha256: attachment.sha256,
      url: attachment.url,
    },
    tx,
  ).catch(() => {
    throw unreachable();
  });
  if (!fetched.stored) throw refusalOf(fetched);

  // As the completion's effect would have made it (keepOutcomeDocuments), now in this person's name.
  const c = await loadCase(tx, referral.caseId, true);
  // Another click may have taken it while this one fetched (the case lock orders them).
  const taken = (await loadAttachment(tx, referral.id, attachment.sha256)).documentId;
  if (taken) return answer(taken);
  const document = {
    tenantId: referral.tenantId,
    id: randomUUID(),
    caseId: referral.caseId,
    fileName: attachment.name,
    contentType: attachment.mediaType,
    sizeBytes: fetched.sizeBytes,
    sha256: attachment.sha256,
    storageKey: documentKey(referral.tenantId, attachment.sha256),
    uploadedBy: null,
  };
  await tx.insert(schema.caseDocument).values(document);
  await tx
    .update(schema.referralAttachment)
    .set({ storageKey: document.storageKey, sizeBytes: fetched.sizeBytes, documentId: document.id })
    .where(
      and(
        eq(schema.referralAttachment.referralId, referral.id),
        eq(schema.referralAttachment.sha256, attachment.sha256),
      ),
    );
  const { tenantId: _, storageKey: __, ...metadata } = document;
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'document',
    action: 'referral.outcome_document_fetched',
    data: { ...metadata, referralId: referral.id, source: 'referral-outcome', fetchedAgain: true },
  });
  return answer(document.id);
}
