import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { appendAudit } from './append-audit.ts';
import { AUDIT_PAGE_REACH, listAuditEntries, ZAuditQuery } from './list-audit-entries.ts';

/**
 * The audit log's list (issue 17): a total for the filter, exact up to AUDIT_PAGE_REACH, and
 * numbered pages within it that hold what paging by the seq cursor holds.
 */
const app = connect(inject('databaseUrl'));
let d: TestDistrict;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const list = (query: Parameters<typeof listAuditEntries>[2]) =>
  inTenant((tx) => listAuditEntries(tx, admin, query));
const CALENDAR = { objectType: 'calendar' } as const;

beforeAll(async () => {
  d = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'audit-list');
  const [row] = await inTenant((tx) =>
    tx
      .select({ id: schema.staffMember.id })
      .from(schema.staffMember)
      .where(eq(schema.staffMember.username, 'admin')),
  );
  admin = await actorOf(app.db, d.tenantId, row?.id ?? '');
  for (let i = 1; i <= 7; i++)
    await inTenant((tx) =>
      appendAudit(tx, {
        actorId: null,
        actorName: 'test',
        action: 'calendar.day_set',
        objectType: 'calendar',
        objectId: `2026-11-0${i}`,
      }),
    );
});
afterAll(() => app.close());

describe('the audit log’s list', () => {
  it('totals the filter’s entries, whatever the page', async () => {
    const all = await list({ ...CALENDAR, limit: 200 });
    expect(all.total).toEqual({ count: all.entries.length, capped: false });
    expect(all.total.count).toBeGreaterThanOrEqual(7);
    expect((await list({ ...CALENDAR, limit: 3, page: 2 })).total).toEqual(all.total);
    expect((await list({ objectType: 'calendar', objectId: '2026-11-03' })).total).toEqual({
      count: 1,
      capped: false,
    });
  });

  it('holds on a numbered page what the cursor reaches, newest first', async () => {
    const first = await list({ ...CALENDAR, limit: 3 });
    const byCursor = await list({ ...CALENDAR, limit: 3, before: first.nextBefore ?? undefined });
    const byPage = await list({ ...CALENDAR, limit: 3, page: 2 });
    expect(byPage.entries.map((e) => e.seq)).toEqual(byCursor.entries.map((e) => e.seq));
    expect(first.entries.map((e) => e.objectId)).toEqual(['2026-11-07', '2026-11-06', '2026-11-05']);
    // After a cursor the count starts again from there.
    expect(byCursor.total.count).toBe(first.total.count - 3);
  });

  it('refuses a page past the count’s reach, naming it', () => {
    const refused = ZAuditQuery.safeParse({ limit: 50, page: AUDIT_PAGE_REACH / 50 + 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['page'], message: 'audit.page_out_of_reach' });
    expect(ZAuditQuery.safeParse({ limit: 50, page: AUDIT_PAGE_REACH / 50 }).success).toBe(true);
  });
});
