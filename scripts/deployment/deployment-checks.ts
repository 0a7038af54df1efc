import { type Database, sql } from '@linju/db';
import { waitUntil } from './app-process.ts';
import type { Acknowledged } from './steady-load.ts';

type Row = Record<string, unknown>;
const rows = async (db: Database, query: ReturnType<typeof sql>) =>
  (await db.execute(query)) as unknown as Row[];

/**
 * Waits (polling) until every referral a client was answered for has its receipt back on the
 * sender (`received`): the workers delivered it through the proxy, the other district took it and
 * answered. Kills may delay that; they must not lose it.
 */
export async function waitForReceipts(db: Database, acknowledged: Acknowledged[]) {
  const ids = acknowledged.flatMap((a) => [...a.referrals.values()]);
  if (ids.length === 0) return;
  await waitUntil(
    `the receipts of ${ids.length} referrals`,
    async () => {
      const [row] = await rows(
        db,
        sql`select count(*)::int as n from referral where id in ${ids} and status = 'received'`,
      );
      return row?.n === ids.length;
    },
    300_000,
  );
}

/**
 * Every claim of the run, checked as the database's owner (every district's rows): what each
 * failed check names, or nothing.
 */
export async function checkDeployment(db: Database, acknowledged: Acknowledged[]): Promise<string[]> {
  const problems: string[] = [];
  // Each district's desks together: the rows of a district are checked against all its clients' answers.
  const byDistrict = new Map<string, Acknowledged>();
  for (const a of acknowledged) {
    const merged = byDistrict.get(a.district.slug);
    if (!merged)
      byDistrict.set(a.district.slug, { ...a, intakes: new Map(a.intakes), referrals: new Map(a.referrals) });
    else {
      for (const [key, value] of a.intakes) merged.intakes.set(key, value);
      for (const [key, value] of a.referrals) merged.referrals.set(key, value);
      merged.wrongTenant = [...merged.wrongTenant, ...a.wrongTenant];
    }
  }
  for (const { district, intakes, referrals, wrongTenant } of byDistrict.values()) {
    for (const what of wrongTenant) problems.push(`answered for another district: ${what}`);
    // Intakes: each key a client was answered for is exactly one case, the one it was told, in its
    // district; and no case of the run exists that no client was answered for.
    const cases = await rows(
      db,
      sql`select external_ref as key, tenant_id, array_agg(id::text) as ids from "case"
          where external_ref like ${`dt-${district.slug}-%`} group by external_ref, tenant_id`,
    );
    const seen = new Set<string>();
    for (const c of cases) {
      const key = c.key as string;
      const ids = c.ids as string[];
      seen.add(key);
      if (c.tenant_id !== district.tenantId) problems.push(`intake ${key} is in another district`);
      if (ids.length !== 1) problems.push(`intake ${key} exists ${ids.length} times`);
      const told = intakes.get(key);
      if (!told) problems.push(`intake ${key} exists but no client was answered for it`);
      else if (ids[0] !== told.caseId) problems.push(`intake ${key} is another case than the one answered`);
    }
    for (const key of intakes.keys())
      if (!seen.has(key)) problems.push(`intake ${key} was answered but is lost`);

    // Referrals: one per case sent, each with one `requested` and one `received` event, one create
    // message in the outbox (delivered), one in the other district's inbox, one incoming referral.
    const caseIds = [...intakes.values()].map((i) => i.caseId);
    const sent = await rows(
      db,
      sql`select r.case_id::text as case_id, r.id::text as id, r.remote_referral_id as receipt,
            (select count(*)::int from referral_event e where e.tenant_id = r.tenant_id and e.referral_id = r.id and e.type = 'requested') as requested,
            (select count(*)::int from referral_event e where e.tenant_id = r.tenant_id and e.referral_id = r.id and e.type = 'received') as received,
            (select count(*)::int from federation_outbox o where o.tenant_id = r.tenant_id and o.referral_id = r.id) as outbox,
            (select count(*)::int from federation_outbox o where o.tenant_id = r.tenant_id and o.referral_id = r.id and o.status = 'delivered') as delivered,
            (select count(*)::int from federation_inbox i where i.referral_id = r.id::text) as inbox,
            (select count(*)::int from referral x where x.direction = 'incoming' and x.id::text = r.remote_referral_id) as incoming,
            r.workflow_started_at is not null as started
          from referral r where r.tenant_id = ${district.tenantId} and r.direction = 'outgoing'
            and r.case_id in ${caseIds.length > 0 ? caseIds : ['00000000-0000-0000-0000-000000000000']}`,
    );
    const perCase = new Map<string, Row[]>();
    for (const r of sent) perCase.set(r.case_id as string, [...(perCase.get(r.case_id as string) ?? []), r]);
    for (const [caseId, referralId] of referrals) {
      const made = perCase.get(caseId) ?? [];
      if (made.length !== 1) problems.push(`case ${caseId} has ${made.length} referrals, 1 was sent`);
      const r = made.find((m) => m.id === referralId);
      if (!r) {
        problems.push(`referral ${referralId} was answered but is lost`);
        continue;
      }
      for (const [field, expected] of [
        ['requested', 1],
        ['received', 1],
        ['outbox', 1],
        ['delivered', 1],
        ['inbox', 1],
        ['incoming', 1],
      ] as const) {
        if (r[field] !== expected)
          problems.push(`referral ${referralId}: ${field} ${r[field]}, not ${expected}`);
      }
      if (r.started !== true) problems.push(`referral ${referralId}: its workflow was never started`);
    }
    for (const caseId of perCase.keys())
      if (!referrals.has(caseId)) problems.push(`case ${caseId} has a referral no client was answered for`);
  }
  return problems;
}
