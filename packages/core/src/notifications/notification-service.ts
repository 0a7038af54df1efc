import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { createdBefore, createdPage, decodeCreatedCursor } from '../keyset-cursor.ts';
import { notificationChannels, type SentNotification } from './notification-channel.ts';

export type NotifyInput = {
  tenantId: string;
  /** Staff members to tell; duplicates are told once. */
  recipientIds: readonly string[];
  /** What it is about, e.g. `case.overdue`; the admin app groups and links by it. */
  kind: string;
  caseId?: string | null;
  referralId?: string | null;
  /** An i18n message key, rendered in the reader's language with `params`. */
  messageKey: string;
  params?: Record<string, string | number>;
  /**
   * Makes repeating the same notification a no-op per recipient (e.g. `escalation:<case>:overdue`):
   * a scheduled run that is retried or run twice tells nobody twice.
   */
  dedupeKey?: string | null;
};

/**
 * Tells staff members something, in the caller's transaction: the in-app notification is
 * written with the change it reports (both or neither), then every registered channel gets it.
 * Returns the notifications actually created (none for a recipient already told under `dedupeKey`).
 */
export async function notify(tx: TenantTx, input: NotifyInput): Promise<SentNotification[]> {
  const recipients = [...new Set(input.recipientIds)];
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(schema.notification)
    .values(
      recipients.map((recipientId) => ({
        tenantId: input.tenantId,
        id: randomUUID(),
        recipientId,
        kind: input.kind,
        caseId: input.caseId ?? null,
        referralId: input.referralId ?? null,
        messageKey: input.messageKey,
        params: input.params ?? {},
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const sent: SentNotification[] = rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    recipientId: r.recipientId,
    kind: r.kind,
    caseId: r.caseId,
    referralId: r.referralId,
    messageKey: r.messageKey,
    params: r.params,
  }));
  for (const channel of notificationChannels()) {
    for (const n of sent) await channel.deliver(tx, n);
  }
  return sent;
}

export const ZNotificationListRequest = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).nullish(),
});

/** Staff only ever see their own notifications; signed-in people without a staff id have none. */
function recipientOf(actor: Actor): string {
  if (!actor.id) throw new DomainError('forbidden', 'auth.forbidden');
  return actor.id;
}

/** The signed-in person's notifications, newest first, with a keyset cursor. */
export async function listNotifications(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZNotificationListRequest> = {},
) {
  const input = ZNotificationListRequest.parse(request);
  const n = schema.notification;
  const after = input.cursor ? decodeCreatedCursor(input.cursor) : null;
  const rows = await tx
    .select({
      id: n.id,
      kind: n.kind,
      caseId: n.caseId,
      referralId: n.referralId,
      messageKey: n.messageKey,
      params: n.params,
      createdAt: n.createdAt,
      readAt: n.readAt,
      caseNumber: schema.legalCase.number,
    })
    .from(n)
    .leftJoin(
      schema.legalCase,
      and(eq(schema.legalCase.tenantId, n.tenantId), eq(schema.legalCase.id, n.caseId)),
    )
    .where(
      and(
        eq(n.recipientId, recipientOf(actor)),
        input.unreadOnly ? isNull(n.readAt) : undefined,
        createdBefore(n, after),
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(input.limit + 1);
  return createdPage(rows, input.limit);
}

/** How many of the signed-in person's notifications are unread (the count beside the nav link). */
export async function countUnreadNotifications(tx: TenantTx, actor: Actor): Promise<number> {
  if (!actor.id) return 0;
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.notification)
    .where(and(eq(schema.notification.recipientId, actor.id), isNull(schema.notification.readAt)));
  return row?.count ?? 0;
}

export const ZMarkReadRequest = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);

/**
 * Marks some (or all) of the signed-in person's notifications read. Someone else's ids are
 * ignored, never marked. Not audited: it changes one person's inbox, nothing of the district's.
 */
export async function markNotificationsRead(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZMarkReadRequest>,
): Promise<{ marked: number }> {
  const input = ZMarkReadRequest.parse(request);
  const n = schema.notification;
  const rows = await tx
    .update(n)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(n.recipientId, recipientOf(actor)),
        isNull(n.readAt),
        'ids' in input ? inArray(n.id, input.ids) : undefined,
      ),
    )
    .returning({ id: n.id });
  return { marked: rows.length };
}
