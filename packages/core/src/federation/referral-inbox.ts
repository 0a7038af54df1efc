import { createHash, randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, eq, schema, sealedColumns, type TenantTx } from '@linju/db';
import type { ReferralCreate } from '@linju/federation';
import { appendAudit } from '../audit/append-audit.ts';

export const bodyDigest = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

export type InboxOutcome =
  | { kind: 'received'; receipt: string; created: boolean }
  | { kind: 'conflict'; receipt: string };

/**
 * Takes in a referral created on another node, once per sender and idempotency key (spec,
 * "Messages"): a retry with the same key and body answers the same receipt; the same key with
 * another body is a conflict. The message is kept sealed; the receipt is this node's id for it.
 */
export async function receiveReferral(
  tx: TenantTx,
  box: SecretBox,
  input: {
    tenantId: string;
    senderNode: string;
    idempotencyKey: string;
    body: Uint8Array;
    message: ReferralCreate;
  },
): Promise<InboxOutcome> {
  const digest = bodyDigest(input.body);
  // Both looks together: one round trip.
  const [[existing], [sameReferral]] = await Promise.all([
    tx
      .select()
      .from(schema.federationInbox)
      .where(
        and(
          eq(schema.federationInbox.senderNode, input.senderNode),
          eq(schema.federationInbox.idempotencyKey, input.idempotencyKey),
        ),
      ),
    tx
      .select({ id: schema.federationInbox.id })
      .from(schema.federationInbox)
      .where(
        and(
          eq(schema.federationInbox.senderNode, input.senderNode),
          eq(schema.federationInbox.referralId, input.message.id),
        ),
      ),
  ]);
  if (existing) {
    return existing.bodySha256 === digest
      ? { kind: 'received', receipt: existing.id, created: false }
      : { kind: 'conflict', receipt: existing.id };
  }
  if (sameReferral) return { kind: 'conflict', receipt: sameReferral.id };

  const id = randomUUID();
  await tx.insert(schema.federationInbox).values({
    tenantId: input.tenantId,
    id,
    senderNode: input.senderNode,
    idempotencyKey: input.idempotencyKey,
    bodySha256: digest,
    referralId: input.message.id,
    fromAddress: input.message.from,
    toOrganisation: input.message.to,
    kind: input.message.kind,
    messageSealed: box.encrypt(
      JSON.stringify(input.message),
      input.tenantId,
      sealedColumns.federationInboxMessage,
    ),
  });
  await appendAudit(tx, {
    actorId: null,
    actorName: `node ${input.senderNode}`,
    action: 'federation.referral_received',
    objectType: 'federation_inbox',
    objectId: id,
    after: {
      from: input.message.from,
      to: input.message.to,
      kind: input.message.kind,
      referralId: input.message.id,
    },
  });
  return { kind: 'received', receipt: id, created: true };
}
