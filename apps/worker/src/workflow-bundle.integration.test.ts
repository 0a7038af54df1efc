import { randomBytes, randomUUID } from 'node:crypto';
import { and, connect, type DbHandle, eq, schema, withTenant } from '@linju/db';
import {
  linjuDataConverter,
  type ReferralWorkflowInput,
  type referralWorkflow,
  referralWorkflowId,
  transitionUpdate,
} from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorker, type LinjuWorker } from './worker.ts';
import { bundleWorkflowsApart } from './workflow-bundle.ts';

const dataKeys = { current: randomBytes(32), retired: [] };
const tenantId = randomUUID();
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

let owner: DbHandle;
let app: DbHandle;
let connection: Connection;
let client: Client;
let linju: LinjuWorker;
let running: Promise<void>;

beforeAll(async () => {
  owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
  await owner.db.insert(schema.tenant).values({
    id: tenantId,
    slug: `t-${tenantId.slice(0, 8)}`,
    nameZh: '测试区司法局',
    nameEn: 'Test District Justice Bureau',
    divisionCode: '310104',
  });
  app = connect(inject('databaseUrl'), { max: 2 });
  linju = await createWorker({
    dataKeys,
    temporal: { address: inject('temporalAddress') },
    namespace: 'default',
    db: app.db,
    taskQueue: `linju-referrals-apart-${randomUUID()}`,
    bundle: 'apart',
  });
  running = linju.worker.run();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: 'default', dataConverter: linjuDataConverter(dataKeys) });
});

afterAll(async () => {
  linju?.worker.shutdown();
  await running;
  await linju?.close();
  await connection?.close();
  await app?.close();
  await owner?.close();
});

describe('the workflow code bundled apart, in a child process', () => {
  it('runs the referral workflow and its effects as the bundle made in the worker would', async () => {
    const referralId = randomUUID();
    const input: ReferralWorkflowInput = {
      tenantId,
      referralId,
      from: 'mediation-centre@linju-test',
      to: 'district-court@court-test',
      kind: 'judicial-confirmation',
      acknowledgeBy: inSeconds(3600),
      dueBy: inSeconds(7200),
      requestedBy: { name: '李调解员', role: '调解员' },
    };
    const handle = await client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
      taskQueue: linju.taskQueue,
      workflowId: referralWorkflowId(tenantId, referralId),
      args: [input],
    });
    const received = await handle.executeUpdate(transitionUpdate, {
      args: [{ type: 'received', by: { party: 'receiver', name: '王法官', role: '法官' } }],
    });
    expect(received.state).toBe('received');
    const audited = await withTenant(app.db, tenantId, (tx) =>
      tx
        .select({ action: schema.auditEntry.action })
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.objectType, 'referral'), eq(schema.auditEntry.objectId, referralId))),
    );
    expect(audited.map((a) => a.action).sort()).toEqual(['referral.received', 'referral.requested']);
    await handle.terminate('test done');
  });

  it('fails with the bundler’s reason when the workflow code cannot be bundled', async () => {
    await expect(bundleWorkflowsApart('/nowhere/workflows.ts')).rejects.toThrow(
      "bundling the workflow code failed: ENOENT: no such file or directory, stat '/nowhere/workflows.ts'",
    );
  });
});
