import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { exportList } from '../list-export/list-export.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { type CaseQuery, countCases, findCases } from './case-queries.ts';
import { intakeCase } from './case-service.ts';

/**
 * The case ledger (案件台账, issue 17): a total for the filter, exact up to CASE_PAGE_REACH, and
 * numbered pages within it, the same rows as paging by cursor; its export is audited.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const numbersOf = (actor: Actor, query: CaseQuery) =>
  inTenant((tx) => findCases(tx, actor, box, query)).then((r) => r.cases.map((c) => c.number));
const count = (actor: Actor, query: CaseQuery) => inTenant((tx) => countCases(tx, actor, box, query));

// Seven at station A (three of them about water), two at station B.
let atA: string[] = [];
beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'case-ledger');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA);
  deskB = await actorOf(app.db, d.tenantId, d.people.deskB);
  const intake = (actor: Actor, description: string, organisationId: string) =>
    inTenant((tx) =>
      intakeCase(tx, actor, box, {
        channel: 'walk-in',
        resident: { name: '孙女士', keyGroups: [] },
        serviceType: TEST_SERVICE,
        category: 'neighbours',
        description,
        organisationId,
      }),
    );
  for (const description of [
    '楼上漏水',
    '噪音扰民',
    '楼道堆物',
    '漏水赔偿',
    '宠物扰邻',
    '停车纠纷',
    '再次漏水',
  ])
    atA.push((await intake(deskA, description, d.organisations.stationA)).number);
  for (const description of ['劳动争议', '漏水']) await intake(deskB, description, d.organisations.stationB);
  atA = atA.reverse(); // newest first, as the ledger lists them
});
afterAll(() => app.close());

describe('the ledger’s total', () => {
  it('counts what the officer’s search finds, within her units only', async () => {
    expect(await count(deskA, {})).toEqual({ count: 7, capped: false });
    expect(await count(deskA, { term: '漏水' })).toEqual({ count: 3, capped: false });
    expect(await count(deskB, { term: '漏水' })).toEqual({ count: 1, capped: false });
    expect(await count(deskA, { status: ['closed'] })).toEqual({ count: 0, capped: false });
  });

  it('stops at its reach and says there are at least that many', async () => {
    expect(await inTenant((tx) => countCases(tx, deskA, box, {}, 5))).toEqual({ count: 5, capped: true });
    expect(await inTenant((tx) => countCases(tx, deskA, box, {}, 7))).toEqual({ count: 7, capped: true });
    expect(await inTenant((tx) => countCases(tx, deskA, box, {}, 8))).toEqual({ count: 7, capped: false });
  });
});

describe('numbered pages', () => {
  it('give the rows of each page in the ledger’s order, as paging by cursor does', async () => {
    expect(await numbersOf(deskA, { limit: 3, page: 1 })).toEqual(atA.slice(0, 3));
    expect(await numbersOf(deskA, { limit: 3, page: 2 })).toEqual(atA.slice(3, 6));
    expect(await numbersOf(deskA, { limit: 3, page: 3 })).toEqual(atA.slice(6));
    expect(await numbersOf(deskA, { limit: 3, page: 4 })).toEqual([]);
    const first = await inTenant((tx) => findCases(tx, deskA, box, { limit: 3 }));
    expect(await numbersOf(deskA, { limit: 3, cursor: first.nextCursor ?? '' })).toEqual(atA.slice(3, 6));
  });

  it('page a search term too', async () => {
    expect(await numbersOf(deskA, { term: '漏水', limit: 2, page: 2 })).toHaveLength(1);
  });

  it('are refused past the reach of the count, naming the page', async () => {
    await expect(numbersOf(deskA, { limit: 100, page: 11 })).rejects.toThrow(/case\.page_out_of_reach/);
    expect(await numbersOf(deskA, { limit: 100, page: 10 })).toEqual([]);
  });
});

describe('导出 Excel', () => {
  it('makes the file of the rows shown, named after the list and the day, audited as an export', async () => {
    const file = await inTenant((tx) =>
      exportList(tx, deskA, {
        list: 'cases',
        filter: 'status=received',
        title: '案件台账',
        day: '2026-12-06',
        columns: ['编号', '群众'],
        rows: [[atA[0] ?? '', '孙女士']],
      }),
    );
    expect(file.fileName).toBe('案件台账-2026-12-06.xlsx');
    expect(file.rows).toBe(1);
    // An XLSX is a zip: it starts with PK.
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const [entry] = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.action, 'list.exported'), eq(schema.auditEntry.objectId, 'cases'))),
    );
    expect(entry).toMatchObject({
      actorId: deskA.id,
      objectType: 'list',
      after: { filter: 'status=received', rows: 1, columns: ['编号', '群众'] },
    });
    // The audit entry says what was exported, not the rows themselves.
    expect(JSON.stringify(entry?.after)).not.toContain('孙女士');
  });

  it('refuses a list it does not know', async () => {
    await expect(
      inTenant((tx) =>
        exportList(tx, deskA, {
          list: 'residents' as 'cases',
          filter: '',
          title: 'x',
          day: '2026-12-06',
          columns: ['x'],
          rows: [],
        }),
      ),
    ).rejects.toThrow();
  });
});
