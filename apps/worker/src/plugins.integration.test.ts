import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppCaller, createCaller } from '@linju/api';
import { createLocalDocumentStore, createStaffMember, setServiceEnabled, systemActor } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { and, connect, type DbHandle, eq, schema, sql, withTenant } from '@linju/db';
import { pluginIds, pluginRegistry } from '@linju/plugins';
import {
  ensureTenantSchedules,
  type PluginDailyRunResult,
  type pluginDailyWorkflow,
  type referralWorkflow,
  referralWorkflowId,
  tenantScheduleId,
} from '@linju/workflows';
import { ApplicationFailure } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPluginActivities, silentPluginLogger } from './plugin-activities.ts';
import { useLiveWorker } from './testing/live-worker.ts';

/**
 * Plugins on the real worker: the composition root's plugins are installed in it, so mediation's
 * workflow hook hears the court's answer to a judicial-confirmation referral, and its daily
 * activity runs through the platform's plugins workflow — real PostgreSQL, real Temporal.
 */
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-plugin-worker-')));
const terms = ['刘海燕于2026年12月31日前修复卫生间防水层。'];
const live = useLiveWorker('plugins', {
  poolSize: 8,
  nodeId: 'linju-test',
  files,
  worker: () => ({ plugins: { registry: pluginRegistry, logger: silentPluginLogger } }),
});
const { box, context } = live;
let owner: DbHandle;
let d: TestDistrict;
let desk: AppCaller;
let clerk: AppCaller;

async function signIn(username: string): Promise<AppCaller> {
  const { sessionToken } = await createCaller(context()).auth.login({
    tenantSlug: d.slug,
    username,
    password: TEST_PASSWORD,
  });
  return createCaller(context({ sessionToken }));
}

beforeAll(async () => {
  owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
  d = await createTestDistrict(live.app.db, box, 'plug');
  // Mediation's agreement is what the plugin workflows here act on.
  await withTenant(live.app.db, d.tenantId, (tx) =>
    setServiceEnabled(
      tx,
      systemActor(d.tenantId, 'test'),
      { organisationId: d.organisations.centreId, pluginId: 'mediation', enabled: true },
      pluginIds,
    ),
  );
  await withTenant(live.app.db, d.tenantId, (tx) =>
    createStaffMember(
      tx,
      systemActor(d.tenantId, 'test'),
      {
        username: 'clerk',
        displayName: '法院书记员',
        organisationId: d.organisations.court,
        password: TEST_PASSWORD,
        roles: [{ role: 'partner-user', organisationId: d.organisations.court }],
        mustChangePassword: false,
      },
      box,
    ),
  );
  desk = await signIn('desk-a');
  clerk = await signIn('clerk');
});

afterAll(async () => {
  await owner?.close();
});

/** A mediation case whose agreement both parties signed: it is in force. */
async function agreementInForce() {
  const c = await desk.case.create({
    channel: 'walk-in',
    resident: { name: '陈建国', phone: '13812345670', idNumber: '110101199003074514' },
    serviceType: 'mediation',
    category: 'neighbours',
    description: '楼上漏水，楼下天花板霉变',
    organisationId: d.organisations.stationA,
    form: {
      summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。',
      parties: [
        { name: '陈建国', role: 'applicant' },
        { name: '刘海燕', role: 'respondent' },
      ],
    },
  });
  await desk.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
  const agreement = await desk.mediation.createAgreement({ caseId: c.id, terms });
  for (const partyName of ['陈建国', '刘海燕']) {
    await desk.mediation.confirmAgreement({
      caseId: c.id,
      agreementId: agreement.id,
      partyName,
      method: 'signature',
    });
  }
  return { caseId: c.id, agreementId: agreement.id };
}

/** Applies for judicial confirmation and has the court take it up. */
async function applyAndAccept(caseId: string, agreementId: string) {
  await desk.case.recordConsent({ caseId, partnerOrganisationId: d.organisations.court });
  const referral = await desk.mediation.applyJudicialConfirmation({
    caseId,
    agreementId,
    courtId: d.organisations.court,
  });
  expect((await desk.mediation.get({ caseId })).agreement?.judicialStatus).toBe('applied');
  await clerk.referral.transition({ referralId: referral.id, type: 'accepted' });
  await clerk.referral.transition({ referralId: referral.id, type: 'in-progress' });
  return referral.id;
}

const ended = (referralId: string) =>
  live.client.workflow
    .getHandle<typeof referralWorkflow>(referralWorkflowId(d.tenantId, referralId))
    .result();

describe('mediation’s workflow hook: the court’s answer lands on the agreement', () => {
  it('marks the agreement confirmed when the court completes the referral, audited once', async () => {
    const { caseId, agreementId } = await agreementInForce();
    const agreement = (await desk.mediation.get({ caseId })).agreement;
    expect(agreement).toMatchObject({ judicialStatus: 'not-applied', effectiveAt: expect.any(String) });
    const referralId = await applyAndAccept(caseId, agreementId);

    await clerk.referral.transition({
      referralId,
      type: 'completed',
      outcome: { code: 'confirmed', text: '法院裁定调解协议有效' },
    });
    await ended(referralId);

    expect((await desk.mediation.get({ caseId })).agreement?.judicialStatus).toBe('confirmed');
    const audited = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx
        .select({ action: schema.auditEntry.action, actorName: schema.auditEntry.actorName })
        .from(schema.auditEntry)
        .where(
          and(
            eq(schema.auditEntry.objectType, 'mediation_agreement'),
            eq(schema.auditEntry.objectId, agreementId),
          ),
        ),
    );
    expect(audited).toEqual([{ action: 'mediation.agreement.confirmed', actorName: 'plugin:mediation' }]);
  });

  it('marks it not confirmed when the court fails the referral', async () => {
    const { caseId, agreementId } = await agreementInForce();
    const referralId = await applyAndAccept(caseId, agreementId);
    await clerk.referral.transition({ referralId, type: 'failed', reason: '协议内容违反法律强制性规定' });
    await ended(referralId);
    expect((await desk.mediation.get({ caseId })).agreement?.judicialStatus).toBe('not-confirmed');
  });
});

describe('plugin activities on the worker', () => {
  it('are run every morning by the district’s plugins schedule', async () => {
    await ensureTenantSchedules(live.client, {
      tenantId: d.tenantId,
      timeZone: 'Asia/Shanghai',
      taskQueue: live.linju.taskQueue,
    });
    const schedule = await live.client.schedule.getHandle(tenantScheduleId('plugins', d.tenantId)).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 6, end: 6, step: 1 }] });
    expect(schedule.action).toMatchObject({
      workflowType: 'pluginDailyWorkflow',
      taskQueue: live.linju.taskQueue,
    });
  });

  it('runs mediation’s daily activity through the plugins workflow: a 30-day window passed unused lapses', async () => {
    const { caseId, agreementId } = await agreementInForce();
    const fresh = await agreementInForce();
    // The first took effect 31 days ago (the owner role stands in for the passing of time).
    await withTenant(owner.db, d.tenantId, (tx) =>
      tx.execute(
        sql`update mediation_agreement set effective_at = now() - interval '31 days' where id = ${agreementId}`,
      ),
    );

    const run = await live.client.workflow.execute<typeof pluginDailyWorkflow>('pluginDailyWorkflow', {
      args: [{ tenantId: d.tenantId }],
      taskQueue: live.linju.taskQueue,
      workflowId: `plugins-test:${d.tenantId}:${randomUUID()}`,
    });
    expect(run).toEqual<PluginDailyRunResult>({
      ran: [{ name: 'mediation.lapse-confirmation-windows', result: { lapsed: 1 } }],
      failed: [],
    });
    expect((await desk.mediation.get({ caseId })).agreement?.judicialStatus).toBe('window-lapsed');
    expect((await desk.mediation.get({ caseId: fresh.caseId })).agreement?.judicialStatus).toBe(
      'not-applied',
    );

    // Too late for the court now; a second run finds nothing more to do.
    await desk.case.recordConsent({ caseId, partnerOrganisationId: d.organisations.court });
    await expect(
      desk.mediation.applyJudicialConfirmation({ caseId, agreementId, courtId: d.organisations.court }),
    ).rejects.toThrow('mediation.judicial_confirmation_window_lapsed');
    const again = await live.client.workflow.execute<typeof pluginDailyWorkflow>('pluginDailyWorkflow', {
      args: [{ tenantId: d.tenantId }],
      taskQueue: live.linju.taskQueue,
      workflowId: `plugins-test:${d.tenantId}:${randomUUID()}`,
    });
    expect(again.ran).toEqual([{ name: 'mediation.lapse-confirmation-windows', result: { lapsed: 0 } }]);
  });

  it('refuses an input the activity’s schema refuses at once, naming the field', async () => {
    const activities = createPluginActivities(live.app.db, {
      registry: pluginRegistry,
      logger: silentPluginLogger,
    });
    const lapse = activities['mediation.lapse-confirmation-windows'];
    const refused = await lapse?.({ tenantId: d.tenantId, asOf: 'yesterday' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ nonRetryable: true, type: 'PluginActivityInputInvalid' });
    expect((refused as Error).message).toMatch(/^mediation\.lapse-confirmation-windows: asOf: /);
    // A caller outside TypeScript may forget the district: refused too, not run for nobody.
    const noTenant = { asOf: new Date().toISOString() } as unknown as { tenantId: string };
    await expect(lapse?.(noTenant)).rejects.toThrow('needs the tenant');
  });
});
