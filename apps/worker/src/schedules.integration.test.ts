import { randomUUID } from 'node:crypto';
import { type AppCaller, createCaller } from '@linju/api';
import {
  addDutySlot,
  createPlatformOperator,
  intakeCase,
  listNotifications,
  localDate,
  nextDay,
  onboardTenant,
} from '@linju/core';
import { connect, eq, schema, withTenant } from '@linju/db';
import {
  type DutyReminderRunResult,
  type EscalationRunResult,
  ensureTenantSchedules,
  type LateReportsRunResult,
  type SweepRunResult,
  tenantScheduleId,
} from '@linju/workflows';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { ScheduleNotFoundError } from '@temporalio/client';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { startReconciler, tenantScheduleReconciler } from './reconciler.ts';
import { ensureSchedulesForActiveTenants } from './tenant-schedules.ts';
import { silentLog, useLiveWorker } from './testing/live-worker.ts';

/**
 * A district's schedules end to end: onboarding through the API creates them on the real
 * Temporal dev server, and triggering one runs its activity against the real database.
 */
const live = useLiveWorker('schedules');
const { box, context } = live;
let operator: AppCaller;
let tenantId: string;

beforeAll(async () => {
  const username = `op-${randomUUID().slice(0, 6)}`;
  // Operators are made by the operator CLI, as the owner: the application role only reads them.
  const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
  const { totpSecret } = await createPlatformOperator(owner.db, box, {
    username,
    displayName: '平台运维',
    password: 'Operator-pass-1',
  }).finally(() => owner.close());
  const { sessionToken } = await createCaller(context()).platform.login({
    username,
    password: 'Operator-pass-1',
  });
  // The second factor replaces the session: continue with the new one.
  const verified = await createCaller(context({ sessionToken })).platform.verifyTotp({
    code: generateTOTP(decodeBase32IgnorePadding(totpSecret), 30, 6),
  });
  operator = createCaller(context({ sessionToken: verified.sessionToken }));
  tenantId = (
    await operator.platform.tenant.create({
      slug: `sched-${randomUUID().slice(0, 6)}`,
      nameZh: '长宁区司法局',
      nameEn: 'Changning District Justice Bureau',
      divisionCode: '310105',
      services: ['mediation'],
      centre: { nameZh: '长宁区公共法律服务中心', nameEn: 'Changning PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Changning-pass-1' },
    })
  ).id;
});

describe('a district’s schedules', () => {
  it('exist once the district is onboarded: daily escalation at 07:00 and the sweep on the 18th, local time', async () => {
    const escalation = await live.client.schedule
      .getHandle(tenantScheduleId('escalation', tenantId))
      .describe();
    expect(escalation.spec.timezone).toBe('Asia/Shanghai');
    expect(escalation.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }] });
    expect(escalation.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'timeLimitEscalationWorkflow',
      taskQueue: live.linju.taskQueue,
    });
    const sweep = await live.client.schedule.getHandle(tenantScheduleId('sweep', tenantId)).describe();
    expect(sweep.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 18, end: 18, step: 1 }] });
    expect(sweep.action).toMatchObject({ workflowType: 'monthlySweepWorkflow' });
    const roster = await live.client.schedule.getHandle(tenantScheduleId('roster', tenantId)).describe();
    expect(roster.spec.timezone).toBe('Asia/Shanghai');
    expect(roster.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 17, end: 17, step: 1 }] });
    expect(roster.action).toMatchObject({
      workflowType: 'dutyReminderWorkflow',
      taskQueue: live.linju.taskQueue,
    });
  });

  it('are not created twice, by onboarding again or by the worker’s start-up check', async () => {
    const again = await ensureTenantSchedules(live.client, {
      tenantId,
      timeZone: 'Asia/Shanghai',
      taskQueue: live.linju.taskQueue,
    });
    expect(again.created).toEqual([]);
    const atStart = await ensureSchedulesForActiveTenants(live.client, live.app.db, live.linju.taskQueue);
    expect(atStart.tenants).toBeGreaterThan(0);
    expect(atStart.created).not.toContain(tenantScheduleId('escalation', tenantId));
  });

  it('are a city bureau’s own for a city bureau, which takes no cases: its late-reports alert, none of a district’s', async () => {
    const cityId = (
      await operator.platform.tenant.create({
        slug: `city-${randomUUID().slice(0, 6)}`,
        nameZh: '上海市司法局',
        nameEn: 'Shanghai Municipal Justice Bureau',
        divisionCode: '310100',
        services: [],
        centre: { nameZh: '上海市公共法律服务中心', nameEn: 'Shanghai PLS Centre' },
        firstAdmin: { username: 'admin', displayName: '市局管理员', password: 'Shanghai-pass-1' },
      })
    ).id;
    const lateReports = await live.client.schedule
      .getHandle(tenantScheduleId('late-reports', cityId))
      .describe();
    expect(lateReports.spec.timezone).toBe('Asia/Shanghai');
    expect(lateReports.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 28, end: 28, step: 1 }] });
    expect(lateReports.action).toMatchObject({
      workflowType: 'lateReportsWorkflow',
      taskQueue: live.linju.taskQueue,
    });
    const districtKinds = ['escalation', 'sweep', 'roster', 'plugins'] as const;
    for (const kind of districtKinds) {
      await expect(live.client.schedule.getHandle(tenantScheduleId(kind, cityId)).describe()).rejects.toThrow(
        ScheduleNotFoundError,
      );
    }
    // A district has no late-reports alert.
    await expect(
      live.client.schedule.getHandle(tenantScheduleId('late-reports', tenantId)).describe(),
    ).rejects.toThrow(ScheduleNotFoundError);
    // The district's, as a worker from before this rule made them, are deleted at start-up.
    await ensureTenantSchedules(live.client, {
      tenantId: cityId,
      timeZone: 'Asia/Shanghai',
      taskQueue: live.linju.taskQueue,
    });
    const atStart = await ensureSchedulesForActiveTenants(live.client, live.app.db, live.linju.taskQueue);
    expect(atStart.deleted).toEqual(
      expect.arrayContaining(districtKinds.map((kind) => tenantScheduleId(kind, cityId))),
    );
    expect(atStart.deleted).not.toContain(tenantScheduleId('sweep', tenantId));
    await expect(
      live.client.schedule.getHandle(tenantScheduleId('sweep', cityId)).describe(),
    ).rejects.toThrow(ScheduleNotFoundError);
    // Triggered, it runs against the database: the districts of the city on this node that have
    // not reported last month (this test's own district among them) reach the city's administrator.
    const run = await live.runSchedule<LateReportsRunResult>(tenantScheduleId('late-reports', cityId));
    expect(run.late.length).toBeGreaterThan(0);
    expect(run.notified).toBe(1);
  });

  it('runs the escalation against the database when triggered, and tells the first responder', async () => {
    const { adminId, caseId } = await withTenant(live.app.db, tenantId, async (tx) => {
      const [admin] = await tx
        .select({ id: schema.staffMember.id, organisationId: schema.staffMember.organisationId })
        .from(schema.staffMember)
        .where(eq(schema.staffMember.username, 'admin'));
      if (!admin) throw new Error('no admin');
      const actor = {
        id: admin.id,
        name: '管理员',
        tenantId,
        grants: [{ role: 'bureau-admin' as const, organisationPath: '/' }],
      };
      const c = await intakeCase(tx, actor, box, {
        channel: 'walk-in',
        resident: { name: '孙女士', phone: '13611112222' },
        serviceType: 'mediation',
        description: '三个月前受理的邻里纠纷',
        organisationId: admin.organisationId,
        receivedAt: new Date(Date.now() - 90 * 86_400_000),
      });
      return { adminId: admin.id, caseId: c.id };
    });
    const result = await live.runSchedule<EscalationRunResult>(tenantScheduleId('escalation', tenantId));
    expect(result).toMatchObject({ overdue: 1, dueSoon: 0 });
    const told = await withTenant(live.app.db, tenantId, (tx) =>
      listNotifications(tx, { id: adminId, name: '管理员', tenantId, grants: [] }),
    );
    expect(told.items).toEqual([expect.objectContaining({ kind: 'case.overdue', caseId })]);
    // A second trigger the same day escalates nothing again.
    expect(
      await live.runSchedule<EscalationRunResult>(tenantScheduleId('escalation', tenantId)),
    ).toMatchObject({
      overdue: 0,
      notified: 0,
    });
  });

  it('runs the monthly sweep when triggered, filing one review for last month', async () => {
    const first = await live.runSchedule<SweepRunResult>(tenantScheduleId('sweep', tenantId));
    expect(first.created).toBe(true);
    expect(first.month).toMatch(/^\d{4}-\d{2}$/);
    const again = await live.runSchedule<SweepRunResult>(tenantScheduleId('sweep', tenantId));
    expect(again).toMatchObject({ created: false, reviewId: first.reviewId });
  });

  it('reminds the staff on tomorrow’s duty slots when triggered, once per slot and day', async () => {
    const admin = await withTenant(live.app.db, tenantId, async (tx) => {
      const [row] = await tx
        .select({ id: schema.staffMember.id, organisationId: schema.staffMember.organisationId })
        .from(schema.staffMember)
        .where(eq(schema.staffMember.username, 'admin'));
      if (!row) throw new Error('no admin');
      return row;
    });
    const actor = {
      id: admin.id,
      name: '管理员',
      tenantId,
      grants: [{ role: 'bureau-admin' as const, organisationPath: '/' }],
    };
    const tomorrow = nextDay(localDate(new Date(), 'Asia/Shanghai'));
    const weekday = ((new Date(`${tomorrow}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const slot = (day: number, who: { staffMemberId?: string; personName?: string }) =>
      withTenant(live.app.db, tenantId, (tx) =>
        addDutySlot(tx, actor, {
          organisationId: admin.organisationId,
          weekday: day,
          startsAt: '09:00',
          endsAt: '12:00',
          serviceType: 'mediation',
          ...who,
        }),
      );
    const onDuty = await slot(weekday, { staffMemberId: admin.id });
    // Another day's slot, and a lawyer of a partner firm with no account: nobody to tell.
    await slot((weekday % 7) + 1, { staffMemberId: admin.id });
    await slot(weekday, { personName: '王律师' });

    const first = await live.runSchedule<DutyReminderRunResult>(tenantScheduleId('roster', tenantId));
    // No resident booked the slot: nobody to remind by SMS.
    expect(first).toEqual({ day: tomorrow, slots: 1, notified: 1, residentsReminded: 0 });
    const told = await withTenant(live.app.db, tenantId, (tx) =>
      listNotifications(tx, { id: admin.id, name: '管理员', tenantId, grants: [] }),
    );
    expect(told.items.filter((n) => n.kind === 'roster.duty_reminder')).toEqual([
      expect.objectContaining({
        messageKey: 'notification.roster_duty_tomorrow',
        params: {
          day: tomorrow,
          startsAt: onDuty.startsAt,
          endsAt: onDuty.endsAt,
          unit: '长宁区公共法律服务中心',
        },
      }),
    ]);
    // Run again the same day (a retry, a second trigger): nobody is told twice.
    expect(await live.runSchedule<DutyReminderRunResult>(tenantScheduleId('roster', tenantId))).toEqual({
      day: tomorrow,
      slots: 1,
      notified: 0,
      residentsReminded: 0,
    });
  });

  it('appear for a district onboarded by the CLI while the worker runs, without a restart', async () => {
    const deps = {
      client: live.client,
      db: live.app.db,
      taskQueue: live.linju.taskQueue,
      nodeId: 'linju-test',
    };
    const schedules = tenantScheduleReconciler(deps);
    await schedules(); // as the worker does when it starts
    // Referrals are another test's business: a day's grace keeps this loop off them.
    const reconciler = startReconciler(deps, {
      intervalMs: 200,
      graceMs: 86_400_000,
      log: silentLog,
      schedules,
    });
    try {
      const { tenant } = await onboardTenant(
        live.app.db,
        {
          slug: `cli-${randomUUID().slice(0, 6)}`,
          nameZh: '静安区司法局',
          nameEn: 'Jing’an District Justice Bureau',
          divisionCode: '310106',
          services: ['mediation'],
          centre: { nameZh: '静安区公共法律服务中心', nameEn: 'Jing’an PLS Centre' },
          firstAdmin: { username: 'admin', displayName: '管理员', password: 'Jingan-pass-12' },
        },
        { operatorId: null, operatorName: 'linju CLI' },
      );
      const ids = (['escalation', 'sweep', 'roster'] as const).map((kind) =>
        tenantScheduleId(kind, tenant.id),
      );
      let found: string[] = [];
      for (let i = 0; i < 100 && found.length < ids.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        found = [];
        for (const id of ids) {
          const exists = await live.client.schedule
            .getHandle(id)
            .describe()
            .then(
              () => true,
              () => false,
            );
          if (exists) found.push(id);
        }
      }
      expect(found).toEqual(ids);
    } finally {
      await reconciler.stop();
    }
  });
});
