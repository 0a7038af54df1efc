import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '../testing/test-district.ts';
import {
  currentChecklist,
  getInspectionChecklist,
  listChecklistVersions,
  type SaveChecklistRequest,
  saveInspectionChecklist,
} from './inspection-checklist.ts';
import {
  getInspection,
  listInspections,
  quarterOf,
  type RecordInspectionRequest,
  recordInspection,
  setRectificationDone,
} from './inspection-service.ts';

const app = connect(inject('databaseUrl'));
// The second editor's own process: a transaction may not wait on its own pool (the pool guard).
const otherEditor = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let inspector: Actor;
let inspectorId: string;
let headA: Actor;
let headB: Actor;
let deskA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>, tenantId = d.tenantId) =>
  withTenant(app.db, tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, key: error.message, field: error.field };
    if (error instanceof ZodError)
      return { kind: 'bad-request', key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};

const CHECKLIST: SaveChecklistRequest = {
  title: '公共法律服务工作站检查表',
  sections: [
    {
      title: '阵地建设',
      items: [
        { text: '标识标牌规范、服务指南上墙', maxScore: 10 },
        { text: '值班表公示并按时值守', maxScore: 15 },
      ],
    },
    { title: '服务质效', items: [{ text: '台账登记完整、限时办结', maxScore: 25.5 }] },
  ],
};

const visit = (
  overrides: Partial<RecordInspectionRequest> & { checklistId: string },
): RecordInspectionRequest => ({
  organisationId: d.organisations.stationA,
  inspectedOn: '2026-05-12',
  inspectorIds: [inspectorId],
  scores: [
    { itemId: '1.1', score: 9, remark: '服务指南缺少英文版' },
    { itemId: '1.2', score: 12.5 },
    { itemId: '2.1', score: 20 },
  ],
  findings: '台账有两件未写结果。',
  rectifications: [{ description: '补全台账结果', dueOn: '2026-06-12' }],
  ...overrides,
});

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'inspections');
  other = await createTestDistrict(app.db, box, 'inspections-other');
  inspectorId = await inTenant(
    async (tx) =>
      (
        await createStaffMember(tx, systemActor(d.tenantId, 'test'), {
          username: 'inspector-1',
          displayName: '检查组 王',
          organisationId: d.organisations.centreId,
          password: TEST_PASSWORD,
          roles: [{ role: 'inspector', organisationId: d.organisations.centreId }],
          mustChangePassword: false,
        })
      ).id,
  );
  inspector = await actorOf(app.db, d.tenantId, inspectorId, '检查组 王');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  headB = {
    id: null,
    name: '所长乙',
    tenantId: d.tenantId,
    grants: [
      { role: 'station-head', organisationPath: (await stationPath(d.organisations.stationB)) as string },
    ],
  };
});
afterAll(() => Promise.all([app.close(), otherEditor.close()]));

const stationPath = (id: string) =>
  inTenant(async (tx) => {
    const [row] = await tx.select().from(schema.organisation).where(eq(schema.organisation.id, id));
    return row?.path;
  });

describe('the inspection checklist (检查组评议)', () => {
  it('is saved as numbered versions with positional item ids and the sum of the maxima', async () => {
    const first = await inTenant((tx) => saveInspectionChecklist(tx, inspector, CHECKLIST));
    expect(first.version).toBe(1);
    expect(first.maxScore).toBe(50.5);
    expect(first.sections.flatMap((s) => s.items.map((i) => [i.id, i.maxScore]))).toEqual([
      ['1.1', 10],
      ['1.2', 15],
      ['2.1', 25.5],
    ]);
  });

  it('refuses empty sections, scores out of range and more than one decimal', async () => {
    const bad = (items: { text: string; maxScore: number }[]) =>
      refusal(
        inTenant((tx) =>
          saveInspectionChecklist(tx, inspector, { title: 'x', sections: [{ title: 's', items }] }),
        ),
      );
    expect((await bad([])).key).toBe('inspection.section_empty');
    expect((await bad([{ text: 'a', maxScore: 0 }])).key).toBe('inspection.max_score_invalid');
    expect((await bad([{ text: 'a', maxScore: 101 }])).key).toBe('inspection.max_score_invalid');
    expect((await bad([{ text: 'a', maxScore: 2.25 }])).key).toBe('inspection.score_precision');
  });

  it('refuses the second of two editors saving at the same moment instead of numbering two versions alike', async () => {
    let second: Promise<unknown> = Promise.resolve();
    const first = await inTenant(async (tx) => {
      const saved = await saveInspectionChecklist(tx, inspector, CHECKLIST);
      // The other editor read the same latest version and now waits on this one's new row.
      second = refusal(
        withTenant(otherEditor.db, d.tenantId, (other) =>
          saveInspectionChecklist(other, inspector, CHECKLIST),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      return saved;
    });
    expect(first.version).toBe(2);
    expect(await second).toEqual({ kind: 'conflict', key: 'inspection.checklist_changed', field: undefined });
    // Back to a single current version for the tests below: the one every inspection here uses.
    const latest = await inTenant(currentChecklist);
    expect(latest?.version).toBe(2);
  });

  it('is edited only district-wide by inspectors and bureau administrators', async () => {
    expect(await refusal(inTenant((tx) => saveInspectionChecklist(tx, headA, CHECKLIST)))).toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('inspections of a service point', () => {
  it('records a score per item with remarks, findings and rectification items, and totals it', async () => {
    const checklist = await inTenant(currentChecklist);
    const recorded = await inTenant((tx) =>
      recordInspection(tx, inspector, visit({ checklistId: checklist?.id ?? '' })),
    );
    expect(recorded).toMatchObject({ quarter: '2026-Q2', totalScore: 41.5, maxScore: 50.5 });
    const detail = await inTenant((tx) => getInspection(tx, inspector, { id: recorded.id }));
    expect(detail.scores.map((s) => [s.itemId, s.score, s.remark])).toEqual(
      expect.arrayContaining([
        ['1.1', 9, '服务指南缺少英文版'],
        ['1.2', 12.5, ''],
        ['2.1', 20, ''],
      ]),
    );
    expect(detail.inspectors).toEqual([{ id: inspectorId, displayName: '检查组 王' }]);
    expect(detail.rectifications.map((r) => [r.description, r.dueOn, r.doneAt])).toEqual([
      ['补全台账结果', '2026-06-12', null],
    ]);
    const [audit] = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.objectId, recorded.id)),
    );
    expect(audit?.action).toBe('inspection.recorded');
  });

  it('keeps an inspection on its checklist version after the checklist changes', async () => {
    const v1 = await inTenant(currentChecklist);
    const before = await inTenant((tx) =>
      recordInspection(tx, inspector, visit({ checklistId: v1?.id ?? '' })),
    );
    const v2 = await inTenant((tx) =>
      saveInspectionChecklist(tx, inspector, {
        title: '检查表（第二版）',
        sections: [{ title: '综合', items: [{ text: '群众评价', maxScore: 100 }] }],
      }),
    );
    expect(v2.version).toBe((v1?.version ?? 0) + 1);
    const detail = await inTenant((tx) => getInspection(tx, inspector, { id: before.id }));
    expect(detail.checklist).toMatchObject({ id: v1?.id, version: v1?.version, maxScore: 50.5 });
    expect(detail.maxScore).toBe(50.5);
    expect((await inTenant(listChecklistVersions)).map((v) => v.version)).toEqual([3, 2, 1]);
    // The old version is still there to read, unchanged.
    expect((await inTenant((tx) => getInspectionChecklist(tx, v1?.id ?? ''))).sections).toEqual(v1?.sections);
    // A form filled in on version 2 is scored on version 2.
    const after = await inTenant((tx) =>
      recordInspection(
        tx,
        inspector,
        visit({ checklistId: v2.id, scores: [{ itemId: '1.1', score: 88 }], rectifications: [] }),
      ),
    );
    expect(after).toMatchObject({ totalScore: 88, maxScore: 100 });
  });

  it('refuses a score above the item maximum, a missing or unknown item, and a team without the inspector role', async () => {
    const v1 = (await inTenant(listChecklistVersions)).find((v) => v.version === 1)?.id ?? '';
    const attempt = (overrides: Partial<RecordInspectionRequest>) =>
      refusal(inTenant((tx) => recordInspection(tx, inspector, visit({ checklistId: v1, ...overrides }))));
    expect(
      await attempt({
        scores: [
          { itemId: '1.1', score: 10.5 },
          { itemId: '1.2', score: 1 },
          { itemId: '2.1', score: 1 },
        ],
      }),
    ).toMatchObject({ key: 'inspection.score_out_of_bounds', field: 'scores.1.1' });
    expect((await attempt({ scores: [{ itemId: '1.1', score: -1 }] })).key).toBe(
      'inspection.score_out_of_bounds',
    );
    expect((await attempt({ scores: [{ itemId: '1.1', score: 1 }] })).key).toBe('inspection.item_unscored');
    expect(
      (
        await attempt({
          scores: [
            { itemId: '1.1', score: 1 },
            { itemId: '1.2', score: 1 },
            { itemId: '2.1', score: 1 },
            { itemId: '9.9', score: 1 },
          ],
        })
      ).key,
    ).toBe('inspection.item_unknown');
    expect((await attempt({ inspectorIds: [d.people.deskA] })).key).toBe('inspection.not_an_inspector');
    expect((await attempt({ inspectorIds: [] })).key).toBe('inspection.inspectors_required');
    expect((await attempt({ rectifications: [{ description: '早于检查', dueOn: '2026-05-01' }] })).key).toBe(
      'inspection.due_before_inspection',
    );
    expect((await attempt({ organisationId: d.organisations.court })).key).toBe(
      'inspection.partner_not_inspected',
    );
  });

  it('lists per service point and per quarter; station heads read their own station only', async () => {
    const { items: inQ2, nextCursor } = await inTenant((tx) =>
      listInspections(tx, inspector, { quarter: '2026-Q2' }),
    );
    expect(nextCursor).toBeNull();
    expect(inQ2.length).toBe(3);
    expect(inQ2.every((i) => i.organisationId === d.organisations.stationA)).toBe(true);
    expect(inQ2.map((i) => i.openRectifications).sort()).toEqual([0, 1, 1]);
    expect(await inTenant((tx) => listInspections(tx, inspector, { quarter: '2026-Q3' }))).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(
      (await inTenant((tx) => listInspections(tx, headA, { organisationId: d.organisations.stationA }))).items
        .length,
    ).toBe(3);
    expect((await inTenant((tx) => listInspections(tx, headB, {}))).items).toEqual([]);
    expect(
      await refusal(
        inTenant((tx) => listInspections(tx, headB, { organisationId: d.organisations.stationA })),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    const id = inQ2[0]?.id ?? '';
    expect(await refusal(inTenant((tx) => getInspection(tx, headB, { id })))).toMatchObject({
      kind: 'forbidden',
    });
    expect((await inTenant((tx) => getInspection(tx, headA, { id }))).id).toBe(id);
  });

  it('is recorded only by inspectors and bureau administrators, not by station heads or desk officers', async () => {
    const checklistId = (await inTenant(currentChecklist))?.id ?? '';
    const scores = [{ itemId: '1.1', score: 50 }];
    for (const actor of [headA, deskA])
      expect(
        await refusal(
          inTenant((tx) => recordInspection(tx, actor, visit({ checklistId, scores, rectifications: [] }))),
        ),
      ).toMatchObject({ kind: 'forbidden' });
  });

  it('ticks rectification items off and back on, audited, by inspectors only', async () => {
    const first = (await inTenant((tx) => listInspections(tx, inspector, { quarter: '2026-Q2' }))).items.find(
      (row) => row.openRectifications > 0,
    );
    const detail = await inTenant((tx) => getInspection(tx, inspector, { id: first?.id ?? '' }));
    const item = detail.rectifications[0];
    if (!item) throw new Error('expected a rectification item');
    expect(
      await refusal(inTenant((tx) => setRectificationDone(tx, headA, { id: item.id, done: true }))),
    ).toMatchObject({ kind: 'forbidden' });
    const done = await inTenant((tx) => setRectificationDone(tx, inspector, { id: item.id, done: true }));
    expect(done.doneAt).toBeInstanceOf(Date);
    expect(done.doneBy).toBe(inspectorId);
    const reopened = await inTenant((tx) =>
      setRectificationDone(tx, inspector, { id: item.id, done: false }),
    );
    expect(reopened.doneAt).toBeNull();
    const actions = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.objectId, detail.id)),
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['inspection.rectification_done', 'inspection.rectification_reopened']),
    );
  });

  it('sees nothing of another district: its checklist, inspections and items are not found', async () => {
    const [ofA] = (await inTenant((tx) => listInspections(tx, inspector, {}))).items;
    const otherAdmin = systemActor(other.tenantId, 'other district');
    expect(await inTenant(currentChecklist, other.tenantId)).toBeNull();
    expect((await inTenant((tx) => listInspections(tx, otherAdmin, {}), other.tenantId)).items).toEqual([]);
    expect(
      await refusal(inTenant((tx) => getInspection(tx, otherAdmin, { id: ofA?.id ?? '' }), other.tenantId)),
    ).toMatchObject({ kind: 'not-found' });
    const v1 = (await inTenant(listChecklistVersions)).at(-1)?.id ?? '';
    expect(
      await refusal(
        inTenant(
          (tx) =>
            recordInspection(tx, otherAdmin, {
              ...visit({ checklistId: v1 }),
              organisationId: other.organisations.stationA,
            }),
          other.tenantId,
        ),
      ),
    ).toMatchObject({ key: 'inspection.checklist_not_found' });
  });

  it('pages the list by (day, id), newest first, keeping the filters and never repeating a row', async () => {
    const checklistId = (await inTenant(currentChecklist))?.id ?? '';
    const scores = [{ itemId: '1.1', score: 80 }];
    // Seven inspections in 2025-Q4: five at station B (two on the same day), two at station A.
    const days = ['2025-10-03', '2025-11-20', '2025-11-20', '2025-12-01', '2025-12-30'];
    for (const inspectedOn of days)
      await inTenant((tx) =>
        recordInspection(tx, inspector, {
          ...visit({ checklistId, inspectedOn, scores, rectifications: [] }),
          organisationId: d.organisations.stationB,
        }),
      );
    for (const inspectedOn of ['2025-10-10', '2025-12-31'])
      await inTenant((tx) => recordInspection(tx, inspector, visit({ checklistId, inspectedOn, scores })));

    const pages = async (filter: { organisationId?: string; quarter?: string }, limit: number) => {
      const seen: { inspectedOn: string; id: string; organisationId: string }[][] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listInspections>> = await inTenant((tx) =>
          listInspections(tx, inspector, { ...filter, cursor, limit }),
        );
        seen.push(page.items);
        cursor = page.nextCursor;
      } while (cursor !== null && seen.length < 10);
      return seen;
    };
    const all = await pages({ quarter: '2025-Q4' }, 3);
    expect(all.map((page) => page.length)).toEqual([3, 3, 1]);
    const rows = all.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
    expect(rows.map((r) => r.inspectedOn)).toEqual([
      '2025-12-31',
      '2025-12-30',
      '2025-12-01',
      '2025-11-20',
      '2025-11-20',
      '2025-10-10',
      '2025-10-03',
    ]);
    // One page of everything gives the same order.
    const { items: whole } = await inTenant((tx) => listInspections(tx, inspector, { quarter: '2025-Q4' }));
    expect(whole.map((r) => r.id)).toEqual(rows.map((r) => r.id));

    // The service point filter holds on every page: station B's only, in pages of two.
    const ofB = await pages({ organisationId: d.organisations.stationB, quarter: '2025-Q4' }, 2);
    expect(ofB.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(ofB.flat().every((r) => r.organisationId === d.organisations.stationB)).toBe(true);

    // A page that ends exactly at the last row says there is no next one.
    const exact = await inTenant((tx) =>
      listInspections(tx, inspector, {
        organisationId: d.organisations.stationB,
        quarter: '2025-Q4',
        limit: 5,
      }),
    );
    expect(exact).toMatchObject({ nextCursor: null });
    expect(exact.items.length).toBe(5);

    expect(
      await refusal(inTenant((tx) => listInspections(tx, inspector, { cursor: 'page-2' }))),
    ).toMatchObject({ key: 'inspection.cursor_invalid', field: 'cursor' });
  });

  it('files an inspection under the quarter of its day', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });
});
