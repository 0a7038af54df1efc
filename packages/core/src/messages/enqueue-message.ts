import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { NOTIFY_CHANNELS, notifyOnCommit, schema, sealedColumns, type TenantTx } from '@linju/db';
import { MESSAGE_TEMPLATES, type MessageChannel, type MessageTemplateKey } from '@linju/vocabulary';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { maskPhone } from '../personal-data/personal-data.ts';

export type MessageParams = Record<string, string>;

export type EnqueueMessageInput = {
  channel: MessageChannel;
  templateKey: MessageTemplateKey;
  /** A phone number (SMS), an e-mail address, or the robot's group (`group`). */
  recipient: string;
  /** Exactly the template's parameters. */
  params: MessageParams;
  caseId?: string | null;
};

/** What lists show of a recipient: enough to recognise, not enough to reach. */
export function maskRecipient(channel: MessageChannel, recipient: string): string {
  if (channel === 'sms') return maskPhone(recipient);
  if (channel === 'email') {
    const [local = '', domain = ''] = recipient.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return recipient;
}

/**
 * Puts a message in the outbox inside the caller's transaction, with its audit entry: it exists
 * exactly when the change it reports commits, and the worker sends it afterwards. The recipient
 * and the parameters are sealed; the audit entry names the template and the masked recipient only.
 * The commit wakes the workers listening for the district's outbox: a verification code should
 * not wait for the next sweep.
 */
export async function enqueueMessage(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  input: EnqueueMessageInput,
): Promise<{ id: string }> {
  const expected: readonly string[] = MESSAGE_TEMPLATES[input.templateKey];
  const given = Object.keys(input.params);
  if (given.length !== expected.length || !expected.every((p) => given.includes(p))) {
    // A programming error, not a user's: the caller passes the template's parameters.
    throw new Error(
      `enqueueMessage: ${input.templateKey} takes ${expected.join(', ')}; got ${given.join(', ')}`,
    );
  }
  const id = randomUUID();
  const row = {
    tenantId: actor.tenantId,
    id,
    channel: input.channel,
    templateKey: input.templateKey,
    recipientSealed: box.encrypt(input.recipient, actor.tenantId, sealedColumns.messageRecipient),
    recipientMasked: maskRecipient(input.channel, input.recipient),
    paramsSealed: box.encrypt(JSON.stringify(input.params), actor.tenantId, sealedColumns.messageParams),
    caseId: input.caseId ?? null,
  };
  // Pipelined: one round trip for the three (an intake sends them while it holds its counter).
  await Promise.all([
    tx.insert(schema.outboundMessage).values(row),
    notifyOnCommit(tx, NOTIFY_CHANNELS.outbox, actor.tenantId),
    appendAudit(tx, {
      ...auditActor(actor),
      action: 'message.queued',
      objectType: 'message',
      objectId: id,
      after: {
        channel: row.channel,
        templateKey: row.templateKey,
        recipient: row.recipientMasked,
        caseId: row.caseId,
      },
    }),
  ]);
  return { id };
}
