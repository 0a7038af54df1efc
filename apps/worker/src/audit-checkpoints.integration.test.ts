import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createAuditCheckpointLog, sealTenantAuditChain, verifyAuditCheckpoints } from '@linju/core';
import { createTestDistrict } from '@linju/core/testing';
import { connect, sql, withTenant } from '@linju/db';
import { loadOrCreateNodeKey } from '@linju/federation';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { anchorAuditChains } from './audit-checkpoints.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
afterAll(() => Promise.all([app.close(), owner.close()]));

describe('the worker’s audit anchoring pass', () => {
  it('anchors every district’s chain outside the database, and never a broken one', async () => {
    const log = createAuditCheckpointLog(
      mkdtempSync(join(tmpdir(), 'linju-audit-checkpoints-')),
      await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'linju-node-key-'))),
    );
    const box = createSecretBox(randomBytes(32));
    const [kept, broken] = [
      await createTestDistrict(app.db, box, 'anchor-kept'),
      await createTestDistrict(app.db, box, 'anchor-broken'),
    ];
    // Sealed as the worker's sealer would have, then an entry of the chain edited.
    await sealTenantAuditChain(app.db, broken.tenantId);
    await owner.db.execute(
      sql`update audit_entry set actor_name = 'someone else' where tenant_id = ${broken.tenantId} and seq = 2`,
    );
    const lines: { level: string; fields: object }[] = [];
    const passLog = {
      info: (fields: object) => lines.push({ level: 'info', fields }),
      warn: (fields: object) => lines.push({ level: 'warn', fields }),
    };
    await anchorAuditChains(app.db, log, passLog);

    expect(lines).toContainEqual({
      level: 'info',
      fields: { event: 'audit chain anchored', tenant: kept.slug, seq: expect.any(Number) },
    });
    expect(lines).toContainEqual({
      level: 'warn',
      fields: { event: 'audit chain broken', tenant: broken.slug, brokenAt: 2, reason: 'edited' },
    });
    expect(await log.read(broken.tenantId)).toEqual([]);
    expect(
      await withTenant(app.db, kept.tenantId, (tx) => verifyAuditCheckpoints(tx, kept.tenantId, log)),
    ).toEqual({ ok: true, checkpoints: 1 });
  });
});
