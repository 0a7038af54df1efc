import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, sql } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemoDistrict } from './demo-district.ts';

const owner = connect(inject('ownerDatabaseUrl'));
const app = connect(inject('databaseUrl'));
afterAll(async () => {
  await app.close();
  await owner.close();
});

describe('the demo seed', () => {
  it('seeds the calendar and realistic cases through the services, once', async () => {
    const box = createSecretBox(randomBytes(32));
    expect((await seedDemoDistrict(app.db, box)).created).toBe(true);
    const [counts] = await owner.db.execute<Record<string, number>>(sql`
      select
        (select count(*)::int from "case" c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as cases,
        (select count(*)::int from calendar_day c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as days,
        (select count(distinct c.status)::int from "case" c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as statuses,
        (select count(*)::int from case_link l join tenant t on t.id = l.tenant_id where t.slug = 'xuhui') as links`);
    expect(counts).toMatchObject({ cases: 6, links: 1 });
    expect(counts?.days).toBeGreaterThan(80);
    expect(counts?.statuses).toBeGreaterThanOrEqual(3);
    expect((await seedDemoDistrict(app.db, box)).created).toBe(false);
  });
});
