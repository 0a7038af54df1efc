import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { linkCases } from '../cases/case-chain.ts';
import { intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { districtToday } from '../providers/provider-records.ts';
import { readXlsxTable } from '../tabular-import/xlsx-table.ts';
import { closedCase } from '../testing/closed-case.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import {
  computeSubsidyLedger,
  exportSubsidyLedgerXlsx,
  getSubsidyLedger,
  listSubsidyRules,
  setSubsidyRule,
} from './subsidy-ledger.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let bureau: Actor;
let headA: Actor;
let month: string;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
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

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'subsidies');
  other = await createTestDistrict(app.db, box, 'subsidies-other');
  bureau = systemActor(d.tenantId, '司法局');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  month = (await inTenant((tx) => districtToday(tx, d.tenantId))).slice(0, 7);
});
afterAll(() => app.close());

describe('subsidy rules (a district setting)', () => {
  it('keeps one amount in fen per service and outcome, validated, for the bureau only', async () => {
    await inTenant(async (tx) => {
      await setSubsidyRule(tx, bureau, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: 15000 });
      await setSubsidyRule(tx, bureau, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: 20000 });
      await setSubsidyRule(tx, bureau, { serviceType: TEST_SERVICE, outcome: 'failure', amountFen: 5000 });
    });
    expect(
      (await inTenant((tx) => listSubsidyRules(tx, bureau))).map((r) => [r.outcome, r.amountFen]),
    ).toEqual([
      ['failure', 5000],
      ['success', 20000],
    ]);
    expect(
      await refusal(
        inTenant((tx) =>
          setSubsidyRule(tx, bureau, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: 199.5 }),
        ),
      ),
    ).toMatchObject({ key: 'subsidy.amount_invalid', field: 'amountFen' });
    expect(
      await refusal(
        inTenant((tx) =>
          setSubsidyRule(tx, bureau, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: -1 }),
        ),
      ),
    ).toMatchObject({ key: 'subsidy.amount_invalid' });
    expect(
      await refusal(
        inTenant((tx) =>
          setSubsidyRule(tx, bureau, { serviceType: SECOND_TEST_SERVICE, outcome: 'success', amountFen: 1 }, [
            { serviceType: SECOND_TEST_SERVICE, paidIn: async () => [] },
          ]),
        ),
      ),
    ).toMatchObject({ key: 'subsidy.recorded_by_plugin', field: 'serviceType' });
    expect(
      await refusal(
        inTenant((tx) =>
          setSubsidyRule(tx, headA, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: 1 }),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });
});

describe('the monthly subsidy ledger (个案补贴)', () => {
  it('pays each closed case once by its rule and outcome, takes over legal aid, and exports exact totals', async () => {
    const lawyer = d.people.withPhone;
    const cases = await inTenant(async (tx) => {
      const settled = await closedCase(tx, bureau, box, {
        organisationId: d.organisations.stationA,
        assigneeId: lawyer,
      });
      const failed = await closedCase(tx, bureau, box, {
        organisationId: d.organisations.stationA,
        assigneeId: lawyer,
      });
      const onward = await intakeCase(tx, bureau, box, {
        channel: 'walk-in',
        resident: { name: '居民', phone: '13700000009' },
        serviceType: TEST_SERVICE,
        description: '调解不成，转律师',
        organisationId: d.organisations.stationA,
      });
      await linkCases(tx, bureau, {
        fromCaseId: failed.id,
        toCaseId: onward.id,
        kind: 'lawyer-after-mediation',
      });
      const unassigned = await closedCase(tx, bureau, box, { organisationId: d.organisations.stationB });
      return { settled, failed, unassigned, onward };
    });
    // What the legal-aid plugin recorded for one of its cases (办案补贴), as its data handle gives it.
    const legalAid = [
      {
        serviceType: SECOND_TEST_SERVICE,
        paidIn: async (m: string) =>
          m === month
            ? [
                {
                  id: 'la-subsidy-1',
                  caseId: cases.onward.id,
                  recipient: '某律师事务所',
                  amountFen: 123456,
                  basis: '法律援助办案补贴',
                },
              ]
            : [],
      },
    ];
    const first = await inTenant((tx) => computeSubsidyLedger(tx, bureau, { month }, legalAid));
    expect(first).toMatchObject({ added: 3, addedFen: 20000 + 5000 + 123456, withoutHandler: 1 });
    // Computing again adds nothing: each case (and each plugin subsidy) is paid once.
    expect(await inTenant((tx) => computeSubsidyLedger(tx, bureau, { month }))).toMatchObject({
      added: 0,
      addedFen: 0,
    });

    const ledger = await inTenant((tx) => getSubsidyLedger(tx, bureau, { month }));
    expect(ledger.entries.map((e) => [e.caseId, e.outcome, e.amountFen, e.source])).toEqual(
      expect.arrayContaining([
        [cases.settled.id, 'success', 20000, 'rule'],
        [cases.failed.id, 'failure', 5000, 'rule'],
        [cases.onward.id, null, 123456, SECOND_TEST_SERVICE],
      ]),
    );
    expect(ledger.entries.map((e) => e.caseId)).not.toContain(cases.unassigned.id);
    expect(ledger.totalFen).toBe(148456);
    expect(ledger.recipients).toHaveLength(2);
    expect(ledger.recipients).toEqual(
      expect.arrayContaining([
        { recipientName: '某律师事务所', cases: 1, amountFen: 123456 },
        { recipientName: 'lawyer', cases: 2, amountFen: 25000 },
      ]),
    );

    const file = await inTenant((tx) => exportSubsidyLedgerXlsx(tx, bureau, { month }));
    const rows = await readXlsxTable(Buffer.from(file.contentBase64, 'base64'));
    const body = rows.slice(2, -1);
    expect(body).toHaveLength(3);
    const cents = body.reduce((total, row) => total + Math.round(Number(row[6]) * 100), 0);
    expect(cents).toBe(ledger.totalFen);
    expect(rows.at(-1)?.[0]).toBe('合计');
    expect(Math.round(Number(rows.at(-1)?.[6]) * 100)).toBe(148456);
  });

  it('refuses a month to come, a station head, and shows another district nothing of this one', async () => {
    expect(
      await refusal(inTenant((tx) => computeSubsidyLedger(tx, bureau, { month: '2999-01' }))),
    ).toMatchObject({
      key: 'subsidy.month_in_future',
    });
    expect(await refusal(inTenant((tx) => getSubsidyLedger(tx, headA, { month })))).toMatchObject({
      kind: 'forbidden',
    });
    const otherBureau = systemActor(other.tenantId, '乙区');
    const theirs = await withTenant(app.db, other.tenantId, async (tx) => {
      await computeSubsidyLedger(tx, otherBureau, { month });
      return getSubsidyLedger(tx, otherBureau, { month });
    });
    expect(theirs).toMatchObject({ entries: [], totalFen: 0 });
  });
});
