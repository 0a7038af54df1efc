import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { asc, connect, eq, schema, sealedColumns, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { createReferral, recordPartnerConsent } from '../referrals/referral-service.ts';
import type { ReferralSubject } from '../referrals/referral-subject.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { addCaseParty, removeCaseParty, updateCaseParty } from './case-parties.ts';
import type { IntakeRequest } from './case-schemas.ts';
import { assignCase, changeCaseStatus, getCase, intakeCase } from './case-service.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let deskA: Actor;
let admin: Actor;
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

const ID_NUMBER = '11010519491231002X';
const CREDIT_CODE = '91350100M000100Y43';
const PHONE = '13912345678';
const ADDRESS = '上海市徐汇区漕溪北路201弄3号1202室';
let phoneSeq = 0;
const walkIn = (over: Partial<IntakeRequest> = {}): IntakeRequest => ({
  channel: 'walk-in',
  resident: { name: '王阿姨', phone: `137${String(10_000_000 + phoneSeq++ * 7919).slice(-8)}` },
  serviceType: TEST_SERVICE,
  description: '楼上邻居装修噪音持续到深夜，协商无果',
  organisationId: d.organisations.stationA,
  ...over,
});
const intake = (over: Partial<IntakeRequest> = {}) =>
  inTenant((tx) => intakeCase(tx, deskA, box, walkIn(over)));
const pageOf = (caseId: string) => inTenant((tx) => getCase(tx, deskA, { caseId }));
const rowOf = async (partyId: string) => {
  const [row] = await inTenant((tx) =>
    tx.select().from(schema.caseParty).where(eq(schema.caseParty.id, partyId)),
  );
  return row;
};

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'parties');
  other = await createTestDistrict(app.db, box, 'parties-b');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  admin = systemActor(d.tenantId, 'test admin');
});
afterAll(() => app.close());

describe("a case's other parties", () => {
  it('are taken in with the matter: ID number, phone and address sealed, the page shows them masked', async () => {
    const c = await intake({
      parties: [
        { role: 'adverse', name: '刘海燕', idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS },
        { role: 'third-party', kind: 'organisation', name: '某物业管理有限公司', creditCode: CREDIT_CODE },
      ],
    });
    const page = await pageOf(c.id);
    expect(page.parties).toEqual([
      {
        id: expect.any(String),
        role: 'adverse',
        kind: 'person',
        name: '刘海燕',
        idNumberMasked: '110***********002X',
        creditCode: null,
        phoneMasked: '139****5678',
        addressMasked: '上海市徐汇区****',
      },
      {
        id: expect.any(String),
        role: 'third-party',
        kind: 'organisation',
        name: '某物业管理有限公司',
        idNumberMasked: null,
        creditCode: CREDIT_CODE,
        phoneMasked: null,
        addressMasked: null,
      },
    ]);
    const row = await rowOf(page.parties[0]?.id ?? '');
    for (const sealed of [row?.idNumberEncrypted, row?.phoneEncrypted, row?.addressEncrypted]) {
      expect(sealed).toBeTruthy();
      for (const plain of [ID_NUMBER, PHONE, ADDRESS]) expect(sealed).not.toContain(plain);
    }
    expect(box.decrypt(row?.phoneEncrypted ?? '', d.tenantId, sealedColumns.casePartyPhone)).toBe(PHONE);
    expect(box.decrypt(row?.addressEncrypted ?? '', d.tenantId, sealedColumns.casePartyAddress)).toBe(
      ADDRESS,
    );
  });

  it('are added, corrected and removed on the case, each on the timeline and in the audit log, masked', async () => {
    const c = await intake();
    const added = await inTenant((tx) =>
      addCaseParty(tx, deskA, box, {
        caseId: c.id,
        role: 'adverse',
        name: '刘海艳',
        idNumber: ID_NUMBER,
        phone: PHONE,
        address: ADDRESS,
      }),
    );
    expect(added).toMatchObject({ name: '刘海艳', idNumberMasked: '110***********002X' });
    // The name corrected; the sealed particulars left out are kept as they were.
    const corrected = await inTenant((tx) =>
      updateCaseParty(tx, deskA, box, { caseId: c.id, partyId: added.id, role: 'adverse', name: '刘海燕' }),
    );
    expect(corrected).toMatchObject({
      name: '刘海燕',
      idNumberMasked: '110***********002X',
      phoneMasked: '139****5678',
      addressMasked: '上海市徐汇区****',
    });
    const keptRow = await rowOf(added.id);
    expect(box.decrypt(keptRow?.idNumberEncrypted ?? '', d.tenantId, sealedColumns.casePartyIdNumber)).toBe(
      ID_NUMBER,
    );
    await inTenant((tx) => removeCaseParty(tx, deskA, { caseId: c.id, partyId: added.id }));
    expect(await rowOf(added.id)).toBeUndefined();

    const page = await pageOf(c.id);
    expect(page.parties).toEqual([]);
    const partyEvents = page.timeline.filter((e) => e.kind === 'party');
    expect(partyEvents.map((e) => [e.data.name, e.data.idNumberMasked])).toEqual([
      ['刘海艳', '110***********002X'],
      ['刘海燕', '110***********002X'],
      ['刘海燕', '110***********002X'],
    ]);
    expect(partyEvents[1]?.data.changed).toEqual(['name']);
    // In the order they were written (`id`), as the audit log lists them.
    const audit = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.objectId, c.id))
        .orderBy(asc(schema.auditEntry.id)),
    );
    const actions = audit.map((a) => a.action).filter((a) => a.startsWith('case.party_'));
    expect(actions).toEqual(['case.party_added', 'case.party_updated', 'case.party_removed']);
    const written = JSON.stringify([audit, page.timeline]);
    for (const plain of [ID_NUMBER, PHONE, ADDRESS]) expect(written).not.toContain(plain);
  });

  it('become an organisation with its credit code, dropping the ID number a person had', async () => {
    const c = await intake();
    const added = await inTenant((tx) =>
      addCaseParty(tx, deskA, box, { caseId: c.id, name: '某物业', idNumber: ID_NUMBER }),
    );
    const corrected = await inTenant((tx) =>
      updateCaseParty(tx, deskA, box, {
        caseId: c.id,
        partyId: added.id,
        role: 'adverse',
        kind: 'organisation',
        name: '某物业管理有限公司',
        creditCode: CREDIT_CODE,
      }),
    );
    expect(corrected).toMatchObject({ kind: 'organisation', idNumberMasked: null, creditCode: CREDIT_CODE });
    const row = await rowOf(added.id);
    expect(row).toMatchObject({ idNumberEncrypted: null, identityKey: `code:${CREDIT_CODE}` });
  });

  it('refuse what does not fit, naming the field', async () => {
    const c = await intake();
    expect(
      await refusal(
        inTenant((tx) =>
          addCaseParty(tx, deskA, box, { caseId: c.id, name: '张三', creditCode: CREDIT_CODE }),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'case.party_credit_code_for_person', field: 'creditCode' });
    expect(
      await refusal(
        inTenant((tx) =>
          addCaseParty(tx, deskA, box, {
            caseId: c.id,
            kind: 'organisation',
            name: '某公司',
            idNumber: ID_NUMBER,
          }),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'case.party_id_number_for_organisation', field: 'idNumber' });
    expect(
      await refusal(
        inTenant((tx) =>
          addCaseParty(tx, deskA, box, {
            caseId: c.id,
            kind: 'organisation',
            name: '某公司',
            creditCode: '91350100M000100Y44',
          }),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'personal_data.credit_code_invalid', field: 'creditCode' });
    // A party of another case is not this case's to change.
    const elsewhere = await intake({ parties: [{ role: 'adverse', name: '李四' }] });
    const [theirs] = (await pageOf(elsewhere.id)).parties;
    expect(
      await refusal(
        inTenant((tx) => removeCaseParty(tx, deskA, { caseId: c.id, partyId: theirs?.id ?? '' })),
      ),
    ).toEqual({ kind: 'not-found', key: 'case.party_not_found', field: 'partyId' });
  });

  it("are the record of an ended case: a withdrawn case's parties no longer change", async () => {
    const c = await intake({ parties: [{ role: 'adverse', name: '赵五' }] });
    await inTenant((tx) =>
      changeCaseStatus(tx, deskA, { caseId: c.id, status: 'withdrawn', reason: '已和解' }),
    );
    const [party] = (await pageOf(c.id)).parties;
    expect(
      await refusal(inTenant((tx) => removeCaseParty(tx, deskA, { caseId: c.id, partyId: party?.id ?? '' }))),
    ).toEqual({ kind: 'conflict', key: 'case.parties_closed', field: 'caseId' });
  });

  it('stay inside their district: another district reads none and changes none', async () => {
    const c = await intake({ parties: [{ role: 'adverse', name: '钱六', idNumber: ID_NUMBER }] });
    const [party] = (await pageOf(c.id)).parties;
    const seenByOther = await inTenant((tx) => tx.select().from(schema.caseParty), other.tenantId);
    expect(seenByOther.map((p) => p.id)).not.toContain(party?.id);
    const otherAdmin = systemActor(other.tenantId, 'other admin');
    expect(
      await refusal(
        inTenant(
          (tx) => removeCaseParty(tx, otherAdmin, { caseId: c.id, partyId: party?.id ?? '' }),
          other.tenantId,
        ),
      ),
    ).toMatchObject({ kind: 'not-found', key: 'case.not_found' });
    const changed = await inTenant(
      (tx) =>
        tx
          .update(schema.caseParty)
          .set({ name: '越权' })
          .where(eq(schema.caseParty.id, party?.id ?? ''))
          .returning(),
      other.tenantId,
    );
    expect(changed).toEqual([]);
    expect((await rowOf(party?.id ?? ''))?.name).toBe('钱六');
  });
});

describe('the conflict check with parties recorded on the case', () => {
  it('finds the adverse party added after intake, whom the assignee once acted for', async () => {
    const earlier = await intake({ resident: { name: '孙某', idNumber: ID_NUMBER } });
    await inTenant((tx) => assignCase(tx, admin, { caseId: earlier.id, assigneeId: d.people.withPhone }));
    const now = await intake();
    const party = await inTenant((tx) =>
      addCaseParty(tx, deskA, box, {
        caseId: now.id,
        role: 'third-party',
        name: '孙某某',
        idNumber: ID_NUMBER,
      }),
    );
    // A third party is no adverse party: nothing to check yet.
    const clear = await inTenant((tx) =>
      assignCase(tx, admin, { caseId: now.id, assigneeId: d.people.withPhone }),
    );
    expect(clear.conflicts).toEqual([]);
    // Corrected to the other side, the same ID number is found as the resident they acted for.
    await inTenant((tx) =>
      updateCaseParty(tx, deskA, box, { caseId: now.id, partyId: party.id, role: 'adverse', name: '孙某某' }),
    );
    expect(
      await refusal(
        inTenant((tx) => assignCase(tx, admin, { caseId: now.id, assigneeId: d.people.withPhone })),
      ),
    ).toMatchObject({ kind: 'conflict', key: 'case.conflict_of_interest', field: 'conflictReason' });
  });

  it('finds an organisation by its credit code, whatever name it was recorded under', async () => {
    const earlier = await intake({
      parties: [{ role: 'adverse', kind: 'organisation', name: '某物业公司', creditCode: CREDIT_CODE }],
    });
    await inTenant((tx) => assignCase(tx, admin, { caseId: earlier.id, assigneeId: d.people.headA }));
    const now = await intake({
      parties: [
        { role: 'adverse', kind: 'organisation', name: '某物业管理有限公司', creditCode: CREDIT_CODE },
      ],
    });
    const assigned = await inTenant((tx) =>
      assignCase(tx, admin, {
        caseId: now.id,
        assigneeId: d.people.headA,
        conflictReason: '前案已结，物业同意',
      }),
    );
    expect(assigned.conflicts).toEqual([
      {
        caseId: earlier.id,
        number: earlier.number,
        relation: 'acted-against',
        partyName: '某物业管理有限公司',
      },
    ]);
  });
});

describe('referrals with parties recorded on the case', () => {
  const sentSubject = async (caseId: string, kind: 'judicial-confirmation' | 'assistance') => {
    const { row } = await inTenant((tx) =>
      createReferral(
        tx,
        admin,
        box,
        { caseId, toOrganisationId: d.organisations.court, kind, summary: '转介' },
        { initialEffectKey: (id) => `referral:${d.tenantId}:${id}#1` },
      ),
    );
    return JSON.parse(
      box.decrypt(row.subjectSealed, d.tenantId, sealedColumns.referralSubject),
    ) as ReferralSubject;
  };

  it("send a court confirming the agreement every party on a side, identified; a federation's assistance none", async () => {
    const c = await intake({
      parties: [
        { role: 'adverse', name: '周某', idNumber: ID_NUMBER, phone: PHONE },
        { role: 'agent', name: '周某的代理人' },
      ],
    });
    await inTenant((tx) =>
      recordPartnerConsent(tx, admin, { caseId: c.id, partnerOrganisationId: d.organisations.court }),
    );
    expect((await sentSubject(c.id, 'judicial-confirmation')).parties).toEqual([
      { role: 'adverse', displayName: '周某', idNumber: ID_NUMBER },
    ]);
    expect(await sentSubject(c.id, 'assistance')).not.toHaveProperty('parties');
  });
});
