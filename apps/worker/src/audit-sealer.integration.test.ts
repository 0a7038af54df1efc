import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { appendAudit, verifyAuditChain } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect, sql, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealAuditEverywhere, startAuditSealer } from './audit-sealer.ts';

/**
 * An audited change writes its entry unsealed; the worker chains it as soon as it commits (no
 * reconciler runs here, so only the listener can), and its sweep chains whatever no one was
 * listening for.
 */
const app = connect(inject('databaseUrl'));
const silent = { info: () => {}, warn: () => {} };
let d: TestDistrict;
const chain = () => withTenant(app.db, d.tenantId, verifyAuditChain);
const audited = (objectId: string) =>
  withTenant(app.db, d.tenantId, (tx) =>
    appendAudit(tx, {
      actorId: null,
      actorName: 'test',
      action: 'calendar.day_set',
      objectType: 'calendar',
      objectId,
    }),
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'audit-sealer');
});
afterAll(() => app.close());

describe('the worker’s audit sealer', () => {
  it('chains what was written while no one listened, at its sweep: a crash before sealing loses nothing', async () => {
    const written = await chain();
    expect(written).toMatchObject({ ok: true, unsealed: expect.any(Number) });
    expect(written.unsealed).toBeGreaterThan(0); // the district's set-up
    await sealAuditEverywhere(app.db, silent);
    expect(await chain()).toEqual({ ...written, entries: written.entries + written.unsealed, unsealed: 0 });
  });

  it('chains an entry as soon as its change commits', async () => {
    const sealer = await startAuditSealer(app.db, { url: inject('databaseUrl'), log: silent });
    try {
      const before = await chain();
      await audited('while listening');
      await expect.poll(chain).toEqual({ ...before, entries: before.entries + 1 });
    } finally {
      await sealer.close();
    }
  });

  it('says so when it leaves an entry unsealed that was not written with the key', async () => {
    const warnings: object[] = [];
    await withTenant(app.db, d.tenantId, (tx) =>
      tx.execute(
        sql`insert into audit_entry (tenant_id, at, actor_name, action, object_type, object_id, nonce, mac)
            values (${d.tenantId}, now(), 'someone', 'case.closed', 'case', 'x', gen_random_uuid(), 'not a mac')`,
      ),
    );
    await sealAuditEverywhere(app.db, { info: () => {}, warn: (fields) => warnings.push(fields) });
    expect(warnings).toContainEqual(expect.objectContaining({ event: 'audit entry forged' }));
    expect(await chain()).toMatchObject({ ok: false, reason: 'forged', unsealed: 1 });
  });
});
