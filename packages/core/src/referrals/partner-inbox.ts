import { roleAllows, type SecretBox } from '@linju/auth';
import { and, asc, desc, eq, inArray, type SQL, schema, sealedColumns, sql, type TenantTx } from '@linju/db';
import { INBOX_STATE_STATUSES, INBOX_STATES, type InboxState } from '@linju/vocabulary';
import type { Actor } from '../actor.ts';
import { caseSettings } from '../cases/case-clock.ts';
import { DomainError } from '../errors.ts';
import { type InboxFilters, ZInboxFilters, ZInboxRequest } from './referral-schemas.ts';
import type { ReferralRow } from './referral-service.ts';
import type { ReferralSubject } from './referral-subject.ts';

/** The partner organisations whose inbox the actor answers (grants allowing `referral.respond`). */
function inboxesOf(actor: Actor): string[] {
  const inboxes = actor.grants
    .filter((g) => roleAllows(g.role, 'referral.respond'))
    .map((g) => g.organisationPath.split('/').filter(Boolean).at(-1))
    .filter((id): id is string => id !== undefined);
  if (inboxes.length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'referral.respond' } });
  return inboxes;
}

/** What the partner sees: the referral and the subject it was sent (no case, no other data). */
const inboxItem = (box: SecretBox, r: ReferralRow) => ({
  id: r.id,
  toOrganisationId: r.toOrganisationId,
  kind: r.kind,
  status: r.status,
  summary: r.summary,
  details: r.details,
  subject: JSON.parse(
    box.decrypt(r.subjectSealed, r.tenantId, sealedColumns.referralSubject),
  ) as ReferralSubject,
  acknowledgeBy: r.acknowledgeBy,
  dueBy: r.dueBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  outcomeCode: r.outcomeCode,
  outcomeText: r.outcomeText,
  reason: r.reason,
  /** Who sent it, when it came through the exchange (`orgId@nodeId`). */
  fromAddress: r.direction === 'incoming' ? r.fromAddress : null,
});
export type InboxItem = ReturnType<typeof inboxItem>;

/** The referrals of the actor's inboxes that the filters keep (a day range in the district's calendar). */
async function inboxConditions(tx: TenantTx, actor: Actor, filters: InboxFilters): Promise<SQL[]> {
  const r = schema.referral;
  const conditions: SQL[] = [inArray(r.toOrganisationId, inboxesOf(actor))];
  if (filters.kind) conditions.push(eq(r.kind, filters.kind));
  if (filters.fromOrganisationId) conditions.push(eq(r.fromOrganisationId, filters.fromOrganisationId));
  if (filters.receivedFrom || filters.receivedUntil) {
    const { timeZone } = await caseSettings(tx, actor.tenantId);
    // Local midnights as instants: the day the partner saw it arrive, not UTC's.
    if (filters.receivedFrom)
      conditions.push(
        sql`${r.createdAt} >= (${filters.receivedFrom}::date::timestamp at time zone ${timeZone})`,
      );
    if (filters.receivedUntil)
      conditions.push(
        sql`${r.createdAt} < ((${filters.receivedUntil}::date + 1)::timestamp at time zone ${timeZone})`,
      );
  }
  return conditions;
}

/**
 * A partner user's inbox: the referrals addressed to their partner organisation(s), newest first,
 * narrowed to a tab (`state`), a status and the filters.
 */
export async function listInbox(tx: TenantTx, actor: Actor, box: SecretBox, request: unknown = {}) {
  const input = ZInboxRequest.parse(request);
  const conditions = await inboxConditions(tx, actor, input);
  if (input.status) conditions.push(eq(schema.referral.status, input.status));
  if (input.state) conditions.push(inArray(schema.referral.status, [...INBOX_STATE_STATUSES[input.state]]));
  const rows = await tx
    .select()
    .from(schema.referral)
    .where(and(...conditions))
    .orderBy(desc(schema.referral.createdAt), desc(schema.referral.id))
    .limit(input.limit);
  return rows.map((r) => inboxItem(box, r));
}

/**
 * What the inbox's tabs and filters show: how many referrals each tab holds under the filters, and
 * the district's units that asked anything of these inboxes, to filter by (names only).
 */
export async function inboxFacets(tx: TenantTx, actor: Actor, request: unknown = {}) {
  const filters = ZInboxFilters.parse(request);
  const conditions = await inboxConditions(tx, actor, filters);
  const byStatus = await tx
    .select({ status: schema.referral.status, n: sql<number>`count(*)::int` })
    .from(schema.referral)
    .where(and(...conditions))
    .groupBy(schema.referral.status);
  const count = (statuses: readonly string[]) =>
    byStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.n, 0);
  const counts = Object.fromEntries(
    INBOX_STATES.map((state) => [state, count(INBOX_STATE_STATUSES[state])]),
  ) as Record<InboxState, number>;
  const senders = await tx
    .selectDistinct({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
    })
    .from(schema.referral)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.referral.fromOrganisationId))
    .where(inArray(schema.referral.toOrganisationId, inboxesOf(actor)))
    .orderBy(asc(schema.organisation.nameZh), asc(schema.organisation.id));
  return { counts: { ...counts, all: byStatus.reduce((sum, row) => sum + row.n, 0) }, senders };
}
