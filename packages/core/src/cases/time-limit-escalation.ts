import type { SecretBox } from '@linju/auth';
import { and, eq, inArray, isNotNull, isNull, lte, type Queryable, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { systemActor } from '../actor.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { alertStaffGroups } from '../messages/alert-staff-groups.ts';
import { notify } from '../notifications/notification-service.ts';
import { stationHeadsOver } from '../staff/role-holders.ts';
import { loadCase, recordCaseEvent } from './case-access.ts';
import { caseSettings, todayIn } from './case-clock.ts';
import { OPEN_STATUSES } from './case-status.ts';

export const ZEscalationRequest = z.object({
  tenantId: z.uuid(),
  /** The tenant's local date the run is for; today in the tenant's time zone when not given. */
  today: z.iso.date().optional(),
});

export type EscalationResult = {
  today: string;
  /** Escalations raised by this run (a case already escalated at its level is not counted). */
  dueSoon: number;
  overdue: number;
  notified: number;
};

/**
 * 超期预警: finds the tenant's open cases due within the due-soon horizon (case setting, default 2
 * working days) and those past their due date, and tells each case's first responder and the
 * station heads over the unit holding it. Each case is escalated at most once per level and due
 * date (`case_escalation`), so running twice on a day, or a retried activity, tells nobody twice;
 * an overdue escalation also goes on the case's timeline with its audit entry, and (given the
 * secret box) to the district's staff group robots where configured.
 */
export async function escalateTimeLimits(
  tx: TenantTx,
  request: z.input<typeof ZEscalationRequest>,
  box?: SecretBox,
): Promise<EscalationResult> {
  const input = ZEscalationRequest.parse(request);
  const settings = await caseSettings(tx, input.tenantId);
  const today = input.today ?? todayIn(settings);
  const horizon = addWorkingDays(today, settings.dueSoonWorkingDays, await loadCalendar(tx, today));
  const c = schema.legalCase;
  const due = await tx
    .select({ id: c.id, dueOn: c.dueOn })
    .from(c)
    .where(
      and(
        inArray(c.status, [...OPEN_STATUSES]),
        isNotNull(c.dueOn),
        isNull(c.pausedSince),
        lte(c.dueOn, horizon),
      ),
    )
    .orderBy(c.dueOn, c.id);
  const actor = systemActor(input.tenantId, 'time-limit escalation');
  const result: EscalationResult = { today, dueSoon: 0, overdue: 0, notified: 0 };
  for (const { id, dueOn } of due) {
    if (!dueOn) continue;
    const level = dueOn < today ? 'overdue' : 'due-soon';
    const [raised] = await tx
      .insert(schema.caseEscalation)
      .values({ tenantId: input.tenantId, caseId: id, level, dueOn })
      .onConflictDoNothing()
      .returning();
    if (!raised) continue;
    const loaded = await loadCase(tx, id, true);
    const recipients = [
      ...(loaded.row.firstResponderId ? [loaded.row.firstResponderId] : []),
      ...(await stationHeadsOver(tx, loaded.organisationPath)),
    ];
    const sent = await notify(tx, {
      tenantId: input.tenantId,
      recipientIds: recipients,
      kind: level === 'overdue' ? 'case.overdue' : 'case.due-soon',
      caseId: id,
      messageKey: level === 'overdue' ? 'notification.case_overdue' : 'notification.case_due_soon',
      params: { number: loaded.row.number, dueOn },
      dedupeKey: `escalation:${id}:${level}:${dueOn}`,
    });
    result.notified += sent.length;
    if (level === 'overdue') {
      result.overdue += 1;
      await recordCaseEvent(tx, actor, loaded.row, {
        kind: 'escalated',
        action: 'case.escalated',
        data: { level, dueOn, today, notified: [...new Set(recipients)] },
      });
      // Sealing the group's message needs the secret box: a run without it tells the app only.
      if (box)
        await alertStaffGroups(tx, actor, box, {
          caseId: id,
          number: loaded.row.number,
          level: '超过办理期限',
        });
    } else result.dueSoon += 1;
  }
  return result;
}

/** The escalations raised on a case: level and due date, oldest first. */
export async function listCaseEscalations(tx: TenantTx, caseId: string) {
  return tx
    .select({
      level: schema.caseEscalation.level,
      dueOn: schema.caseEscalation.dueOn,
      at: schema.caseEscalation.escalatedAt,
    })
    .from(schema.caseEscalation)
    .where(eq(schema.caseEscalation.caseId, caseId))
    .orderBy(schema.caseEscalation.escalatedAt);
}

/** The tenants a scheduled run covers: active ones (a suspended district's queues are frozen). */
export async function activeTenants(
  db: Queryable,
): Promise<{ id: string; slug: string; timeZone: string; divisionCode: string }[]> {
  return db
    .select({
      id: schema.tenant.id,
      slug: schema.tenant.slug,
      timeZone: schema.tenant.timeZone,
      divisionCode: schema.tenant.divisionCode,
    })
    .from(schema.tenant)
    .where(eq(schema.tenant.status, 'active'));
}
