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
    expect((await seedDemoDistrict(app.db, box, { nodeId: 'localhost-3000' })).created).toBe(true);
    const [counts] = await owner.db.execute<Record<string, number>>(sql`
      select
        (select count(*)::int from "case" c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as cases,
        (select count(*)::int from calendar_day c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as days,
        (select count(distinct c.status)::int from "case" c join tenant t on t.id = c.tenant_id where t.slug = 'xuhui') as statuses,
        (select count(*)::int from case_link l join tenant t on t.id = l.tenant_id where t.slug = 'xuhui') as links`);
    // Six cases of the case flow, five of the core services' own pages.
    expect(counts).toMatchObject({ cases: 11, links: 1 });
    expect(counts?.days).toBeGreaterThan(80);
    expect(counts?.statuses).toBeGreaterThanOrEqual(3);
    // Every core service page has something to show.
    const [services] = await owner.db.execute<Record<string, number | boolean | string[]>>(sql`
      select
        (select count(*)::int from notary_booking_slot where tenant_id = x.id) > 0 as slots,
        (select count(*)::int from notary_booking where tenant_id = x.id and cancelled_at is null) as bookings,
        (select count(*)::int from notary_document_received where tenant_id = x.id) as documents,
        (select count(*)::int from legal_aid_threshold where tenant_id = x.id) as thresholds,
        (select count(*)::int from legal_aid_decision where tenant_id = x.id) as decisions,
        (select count(*)::int from legal_aid_subsidy where tenant_id = x.id) as subsidies,
        (select count(*)::int from consultation_log where tenant_id = x.id) as logs,
        (select count(*)::int from appraisal_advice where tenant_id = x.id) as advice,
        (select count(*)::int from legal_education_event where tenant_id = x.id) as events,
        (select count(*)::int from expert_pool_expert where tenant_id = x.id) as experts,
        (select array_agg(status order by status) from expert_pool_request where tenant_id = x.id) as opinions
      from tenant x where x.slug = 'xuhui'`);
    expect(services).toEqual({
      slots: true,
      bookings: 1,
      documents: 2,
      thresholds: 1,
      decisions: 1,
      subsidies: 1,
      logs: 2,
      advice: 1,
      events: 3,
      experts: 6,
      opinions: ['answered', 'open'],
    });
    expect((await seedDemoDistrict(app.db, box, { nodeId: 'localhost-3000' })).created).toBe(false);
  });

  it('reports the district to its city bureau on this node, following the node id, once', async () => {
    const box = createSecretBox(randomBytes(32));
    const cityOf = async () =>
      owner.db.execute<Record<string, unknown>>(sql`
        select c.slug, c.division_code as "divisionCode", s.city_tenant as "cityTenant",
               s.city_node_id as "cityNodeId", s.send_day as "sendDay",
               (select count(*)::int from staff_member m where m.tenant_id = c.id) as staff,
               (select count(*)::int from audit_entry a where a.tenant_id = x.id
                  and a.action = 'statistics.city_setting_set') as "settingAudits"
        from tenant x
        join city_statistics_setting s on s.tenant_id = x.id
        join tenant c on c.slug = s.city_tenant
        where x.slug = 'xuhui'`);
    await seedDemoDistrict(app.db, box, { nodeId: 'localhost-3000' });
    const city = {
      slug: 'shanghai',
      divisionCode: '310100',
      cityTenant: 'shanghai',
      cityNodeId: 'localhost-3000',
      sendDay: 3,
      staff: 1,
    };
    expect(await cityOf()).toEqual([{ ...city, settingAudits: 1 }]);
    // Started on another port, the node's id moves: the demo's setting follows it (audited).
    await seedDemoDistrict(app.db, box, { nodeId: 'localhost-3419' });
    expect(await cityOf()).toEqual([{ ...city, cityNodeId: 'localhost-3419', settingAudits: 2 }]);
    await seedDemoDistrict(app.db, box, { nodeId: 'localhost-3419' });
    expect(await cityOf()).toEqual([{ ...city, cityNodeId: 'localhost-3419', settingAudits: 2 }]);
  });
});
