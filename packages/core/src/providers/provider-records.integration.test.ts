import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { listCaseAssignees } from '../cases/case-assignees.ts';
import { assignCase, getCase, intakeCase } from '../cases/case-service.ts';
import { createLocalDocumentStore } from '../documents/index.ts';
import { DomainError } from '../errors.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import {
  decideProviderAppeal,
  districtToday,
  fileProviderAppeal,
  getProviderRecord,
  listProviderRecords,
  readProviderEvidence,
  recordProviderMisconduct,
} from './provider-records.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-provider-files-')));
let d: TestDistrict;
let other: TestDistrict;
let bureau: Actor;
let headA: Actor;
let deskA: Actor;
let today: string;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, key: error.message, field: error.field, params: error.params };
    if (error instanceof ZodError)
      return { kind: 'bad-request', key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};
const dayBefore = (day: string, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A fresh mediation case at station A, and a fresh lawyer at the centre to assign it to. */
async function caseAndLawyer(name: string) {
  const c = await inTenant((tx) =>
    intakeCase(tx, deskA, box, {
      channel: 'walk-in',
      resident: { name: '居民甲', phone: '13700000001' },
      serviceType: TEST_SERVICE,
      description: '邻里纠纷',
      organisationId: d.organisations.stationA,
    }),
  );
  const lawyer = await inTenant((tx) =>
    createStaffMember(
      tx,
      bureau,
      {
        username: `lawyer-${randomBytes(3).toString('hex')}`,
        displayName: name,
        organisationId: d.organisations.stationA,
        password: 'Test-password-1',
        roles: [{ role: 'lawyer', organisationId: d.organisations.stationA }],
        mustChangePassword: false,
      },
      box,
    ),
  );
  return { caseId: c.id, lawyerId: lawyer.id };
}

const negativeListing = (staffMemberId: string, extra: Record<string, unknown> = {}) => ({
  providerKind: 'lawyer' as const,
  kind: 'negative-list' as const,
  staffMemberId,
  firmName: '某律师事务所',
  description: '收取当事人额外费用',
  occurredOn: '2026-01-10',
  evidenceReference: '沪司罚〔2026〕3号',
  ...extra,
});

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'providers');
  other = await createTestDistrict(app.db, box, 'providers-other');
  bureau = systemActor(d.tenantId, '司法局');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  today = await inTenant((tx) => districtToday(tx, d.tenantId));
});
afterAll(() => app.close());

describe('the negative list at assignment (负面清单)', () => {
  it('refuses to assign a listed lawyer without a reason, and records the reason when given', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('名单律师');
    await inTenant((tx) => recordProviderMisconduct(tx, bureau, files, negativeListing(lawyerId)));
    expect(await refusal(inTenant((tx) => assignCase(tx, deskA, { caseId, assigneeId: lawyerId })))).toEqual({
      kind: 'conflict',
      key: 'case.assignee_negative_listed',
      field: 'negativeListReason',
      params: { name: '名单律师', records: '收取当事人额外费用' },
    });
    const assigned = await inTenant((tx) =>
      assignCase(tx, deskA, { caseId, assigneeId: lawyerId, negativeListReason: '当事人指定该律师' }),
    );
    expect(assigned.assigneeId).toBe(lawyerId);
    expect(assigned.providerRecords).toMatchObject([{ kind: 'negative-list' }]);
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId }));
    expect(page.timeline.find((e) => e.kind === 'assigned')?.text).toBe('当事人指定该律师');
  });

  it('only warns about a misconduct record, and shows both beside the names to choose from', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('记录律师');
    await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, {
        ...negativeListing(lawyerId),
        kind: 'misconduct',
        description: '未按时出庭',
      }),
    );
    const candidates = await inTenant((tx) => listCaseAssignees(tx, deskA, { caseId }));
    expect(candidates.find((p) => p.id === lawyerId)?.providerRecords).toEqual({
      misconduct: 1,
      negativeListed: false,
    });
    const assigned = await inTenant((tx) => assignCase(tx, deskA, { caseId, assigneeId: lawyerId }));
    expect(assigned.providerRecords).toEqual([
      expect.objectContaining({ kind: 'misconduct', description: '未按时出庭' }),
    ]);
  });

  it('no longer counts a record past its expiry day, but does on that day', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('过期律师');
    const expired = await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, negativeListing(lawyerId, { expiresOn: dayBefore(today) })),
    );
    expect(expired.state).toBe('expired');
    const { lawyerId: lastDayLawyer } = await caseAndLawyer('到期日律师');
    const lastDay = await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, negativeListing(lastDayLawyer, { expiresOn: today })),
    );
    expect(lastDay.state).toBe('active');
    expect((await inTenant((tx) => assignCase(tx, deskA, { caseId, assigneeId: lawyerId }))).assigneeId).toBe(
      lawyerId,
    );
    const active = await inTenant((tx) => listProviderRecords(tx, deskA, { state: 'active' }));
    expect(active.map((r) => r.id)).toContain(lastDay.id);
    expect(active.map((r) => r.id)).not.toContain(expired.id);
  });

  it('is lifted by an appeal decided so, and stays on an appeal upheld', async () => {
    const { caseId, lawyerId } = await caseAndLawyer('申诉律师');
    const record = await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, negativeListing(lawyerId)),
    );
    const appealed = await inTenant((tx) =>
      fileProviderAppeal(tx, bureau, {
        id: record.id,
        filedOn: '2026-01-20',
        grounds: '收费系当事人自愿支付的差旅费',
      }),
    );
    // A pending appeal changes nothing.
    expect(appealed.state).toBe('active');
    expect(
      await refusal(inTenant((tx) => assignCase(tx, deskA, { caseId, assigneeId: lawyerId }))),
    ).toMatchObject({ key: 'case.assignee_negative_listed' });
    expect(
      await refusal(
        inTenant((tx) =>
          decideProviderAppeal(tx, bureau, {
            id: record.id,
            outcome: 'lifted',
            decidedOn: '2026-01-19',
            decision: '撤销',
          }),
        ),
      ),
    ).toMatchObject({ key: 'provider.decision_before_appeal', field: 'decidedOn' });
    const lifted = await inTenant((tx) =>
      decideProviderAppeal(tx, bureau, {
        id: record.id,
        outcome: 'lifted',
        decidedOn: '2026-02-01',
        decision: '经复核，费用有票据，撤销列入',
      }),
    );
    expect(lifted).toMatchObject({ state: 'lifted', appealOutcome: 'lifted', appealDecidedByName: '司法局' });
    expect(
      (await inTenant((tx) => assignCase(tx, deskA, { caseId, assigneeId: lawyerId }))).providerRecords,
    ).toEqual([]);
    expect(
      await refusal(
        inTenant((tx) =>
          decideProviderAppeal(tx, bureau, {
            id: record.id,
            outcome: 'upheld',
            decidedOn: '2026-02-02',
            decision: '改判',
          }),
        ),
      ),
    ).toMatchObject({ kind: 'conflict', key: 'provider.appeal_already_decided' });

    const { lawyerId: upheldLawyer } = await caseAndLawyer('维持律师');
    const upheld = await inTenant(async (tx) => {
      const r = await recordProviderMisconduct(tx, bureau, files, negativeListing(upheldLawyer));
      await fileProviderAppeal(tx, bureau, { id: r.id, filedOn: '2026-01-20', grounds: '不服处理决定' });
      return decideProviderAppeal(tx, bureau, {
        id: r.id,
        outcome: 'upheld',
        decidedOn: '2026-02-01',
        decision: '维持',
      });
    });
    expect(upheld.state).toBe('active');
  });
});

describe('recording misconduct', () => {
  it('keeps who recorded it and the evidence document, whose content must match its type', async () => {
    const { lawyerId } = await caseAndLawyer('证据律师');
    const pdf = Buffer.from('%PDF-1.4 decision');
    const record = await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, {
        ...negativeListing(lawyerId),
        evidenceFile: {
          fileName: '处理决定.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      }),
    );
    expect(record).toMatchObject({
      recordedByName: '司法局',
      evidenceFileName: '处理决定.pdf',
      providerName: '证据律师',
    });
    expect(record).not.toHaveProperty('evidenceStorageKey');
    const evidence = await inTenant((tx) => readProviderEvidence(tx, deskA, files, { id: record.id }));
    expect(Buffer.from(evidence.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(
      await refusal(
        inTenant((tx) =>
          recordProviderMisconduct(tx, bureau, files, {
            ...negativeListing(lawyerId),
            evidenceFile: {
              fileName: 'x.pdf',
              contentType: 'application/pdf',
              contentBase64: Buffer.from('not a pdf').toString('base64'),
            },
          }),
        ),
      ),
    ).toMatchObject({ key: 'case.document_content_mismatch' });
  });

  it('records a firm by name, and refuses a firm with an account or an expiry before it happened', async () => {
    const firm = await inTenant((tx) =>
      recordProviderMisconduct(tx, bureau, files, {
        providerKind: 'firm',
        kind: 'misconduct',
        providerName: '某某律师事务所',
        description: '驻点律师多次缺勤',
        occurredOn: '2026-03-01',
        evidenceReference: '检查组记录 2026-03',
      }),
    );
    expect(firm).toMatchObject({ providerKind: 'firm', staffMemberId: null, state: 'active' });
    expect(
      await refusal(
        inTenant((tx) =>
          recordProviderMisconduct(tx, bureau, files, {
            ...negativeListing(d.people.withPhone),
            providerKind: 'firm',
          }),
        ),
      ),
    ).toMatchObject({ key: 'provider.firm_has_no_account', field: 'staffMemberId' });
    expect(
      await refusal(
        inTenant((tx) =>
          recordProviderMisconduct(tx, bureau, files, {
            ...negativeListing(d.people.withPhone),
            expiresOn: '2025-12-31',
          }),
        ),
      ),
    ).toMatchObject({ key: 'provider.expiry_before_occurrence', field: 'expiresOn' });
  });

  it('is for the bureau: a station head and a desk officer read the records but cannot record one', async () => {
    for (const actor of [headA, deskA]) {
      expect(
        await refusal(
          inTenant((tx) => recordProviderMisconduct(tx, actor, files, negativeListing(d.people.withPhone))),
        ),
      ).toMatchObject({ kind: 'forbidden' });
    }
    expect((await inTenant((tx) => listProviderRecords(tx, headA, {}))).length).toBeGreaterThan(0);
    const lawyer = await actorOf(app.db, d.tenantId, d.people.withPhone, '律师');
    expect(await refusal(inTenant((tx) => listProviderRecords(tx, lawyer, {})))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('stays in its district: another district neither sees the records nor lists its people', async () => {
    const mine = await inTenant((tx) => listProviderRecords(tx, deskA, {}));
    const otherBureau = systemActor(other.tenantId, '乙区司法局');
    const theirs = await withTenant(app.db, other.tenantId, (tx) => listProviderRecords(tx, otherBureau, {}));
    expect(theirs).toEqual([]);
    const first = mine[0];
    if (!first) throw new Error('expected records');
    expect(
      await refusal(
        withTenant(app.db, other.tenantId, (tx) => getProviderRecord(tx, otherBureau, { id: first.id })),
      ),
    ).toMatchObject({ kind: 'not-found' });
    expect(
      await refusal(
        withTenant(app.db, other.tenantId, (tx) =>
          recordProviderMisconduct(tx, otherBureau, files, negativeListing(d.people.withPhone)),
        ),
      ),
    ).toMatchObject({ kind: 'not-found' });
  });
});
