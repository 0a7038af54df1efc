import { and, desc, eq, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requireTenantWide } from '../actor.ts';
import { createdBefore, createdPage, decodeCreatedCursor } from '../keyset-cursor.ts';

export const ZMessageListRequest = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).nullish(),
});

/**
 * The district's sent messages, newest first (the "sent messages" page): masked recipient,
 * template, status, attempts and times; never the parameters (a rating code is a secret).
 */
export async function listMessages(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZMessageListRequest> = {},
) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZMessageListRequest.parse(request);
  const m = schema.outboundMessage;
  const after = input.cursor ? decodeCreatedCursor(input.cursor) : null;
  const rows = await tx
    .select({
      id: m.id,
      channel: m.channel,
      templateKey: m.templateKey,
      recipient: m.recipientMasked,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      provider: m.provider,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      deliveredAt: m.deliveredAt,
      caseId: m.caseId,
      caseNumber: schema.legalCase.number,
    })
    .from(m)
    .leftJoin(
      schema.legalCase,
      and(eq(schema.legalCase.tenantId, m.tenantId), eq(schema.legalCase.id, m.caseId)),
    )
    .where(createdBefore(m, after))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(input.limit + 1);
  return createdPage(rows, input.limit);
}
