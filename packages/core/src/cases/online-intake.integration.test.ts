import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { and, asc, connect, eq, schema, sql, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { setServiceEnabled } from '../catalogue/catalogue-service.ts';
import { createLocalDocumentStore } from '../documents/index.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import { changeCaseStatus, getCase } from './case-service.ts';
import { normalisedText, type OnlineIntakeRequest, openOnlineCase } from './online-intake.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-online-')));
let d: TestDistrict;
let deskA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return { key: error.message, field: error.field };
  if (error instanceof ZodError)
    return { key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
  throw error;
};

let n = 0;
const newPhone = () => `137${String(20_000_000 + n++ * 7907).slice(-8)}`;
const send = (over: Partial<OnlineIntakeRequest> = {}) =>
  inTenant((tx) =>
    openOnlineCase(
      tx,
      { tenantId: d.tenantId, box, files, forms: undefined as never },
      {
        phone: newPhone(),
        name: '林阿姨',
        serviceType: TEST_SERVICE,
        description: `楼上漏水，物业一直不来处理 ${n++}`,
        organisationId: d.organisations.roomA,
        ...over,
      },
    ),
  );
const countOf = (table: typeof schema.legalCase | typeof schema.outboundMessage | typeof schema.resident) =>
  inTenant(async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0);

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'online-intake');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA);
  // The second service is offered by station A but not by its room, and nowhere else.
  await inTenant(async (tx) => {
    const admin = systemActor(d.tenantId, 'test');
    const services = [TEST_SERVICE, SECOND_TEST_SERVICE];
    await setServiceEnabled(
      tx,
      admin,
      { organisationId: d.organisations.stationA, pluginId: SECOND_TEST_SERVICE, enabled: true },
      services,
    );
    await setServiceEnabled(
      tx,
      admin,
      { organisationId: d.organisations.roomA, pluginId: SECOND_TEST_SERVICE, enabled: false },
      services,
    );
  });
});
afterAll(() => app.close());

describe('a matter sent from the public site', () => {
  it('is a case of channel online at the place chosen, with the verified phone as the resident’s', async () => {
    const phone = newPhone();
    const sent = await send({ phone });
    expect(sent).toMatchObject({ repeated: false, number: expect.stringMatching(/-\d{6}$/) });
    const c = await inTenant((tx) => getCase(tx, deskA, { caseId: sent.caseId }));
    expect(c).toMatchObject({
      channel: 'online',
      number: sent.number,
      serviceType: TEST_SERVICE,
      currentOrganisationId: d.organisations.roomA,
      status: 'received',
      firstResponderId: null,
    });
    expect(c.resident).toMatchObject({
      name: '林阿姨',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
    expect(c.dueOn).not.toBeNull();
  });

  it('goes to the nearest unit above that offers the service when the chosen one does not', async () => {
    const sent = await send({ serviceType: SECOND_TEST_SERVICE });
    const c = await inTenant((tx) => getCase(tx, deskA, { caseId: sent.caseId }));
    expect(c.currentOrganisationId).toBe(d.organisations.stationA);
  });

  it('is refused naming the place when no unit at or above it offers the service', async () => {
    expect(
      await refusal(send({ serviceType: SECOND_TEST_SERVICE, organisationId: d.organisations.stationB })),
    ).toEqual({ key: 'case.service_not_enabled', field: 'organisationId' });
    expect(await refusal(send({ organisationId: d.organisations.court }))).toEqual({
      key: 'case.organisation_not_service_unit',
      field: 'organisationId',
    });
  });

  it('names the field a resident left wrong', async () => {
    expect(await refusal(send({ description: '   ' }))).toEqual({
      key: 'validation.required',
      field: 'description',
    });
    expect(await refusal(send({ phone: '12345' }))).toMatchObject({ field: 'phone' });
  });

  it('queues the intake receipt with the case number for the verified phone', async () => {
    const phone = newPhone();
    const sent = await send({ phone });
    const messages = await inTenant((tx) =>
      tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, sent.caseId)),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'sms',
      templateKey: 'intake-receipt',
      recipientMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
  });

  it('is audited as taken in online by the platform, with its documents on the timeline', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const sent = await send({
      documents: [{ fileName: '照片.png', contentType: 'image/png', contentBase64: png.toString('base64') }],
    });
    const audit = await inTenant((tx) =>
      tx
        .select({ action: schema.auditEntry.action, actorName: schema.auditEntry.actorName })
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.objectType, 'case'), eq(schema.auditEntry.objectId, sent.caseId)))
        .orderBy(asc(schema.auditEntry.id)),
    );
    expect(audit.map((a) => a.action)).toEqual(['case.created', 'case.document_attached']);
    expect(new Set(audit.map((a) => a.actorName))).toEqual(new Set(['online intake']));
    const documents = await inTenant((tx) =>
      tx.select().from(schema.caseDocument).where(eq(schema.caseDocument.caseId, sent.caseId)),
    );
    expect(documents.map((doc) => doc.fileName)).toEqual(['照片.png']);
  });

  it('leaves nothing behind when a document is refused: no case, resident, message or document', async () => {
    const before = await Promise.all([
      countOf(schema.legalCase),
      countOf(schema.outboundMessage),
      countOf(schema.resident),
    ]);
    expect(
      await refusal(
        send({
          phone: newPhone(),
          documents: [
            {
              fileName: 'run.exe',
              contentType: 'application/x-msdownload',
              contentBase64: Buffer.from('MZ…').toString('base64'),
            },
          ],
        }),
      ),
    ).toMatchObject({ field: expect.stringMatching(/content/) });
    expect(
      await Promise.all([
        countOf(schema.legalCase),
        countOf(schema.outboundMessage),
        countOf(schema.resident),
      ]),
    ).toEqual(before);
  });
});

describe('a request sent again', () => {
  it('answers the open case of the same phone, service and words, however spaced or punctuated', async () => {
    const phone = newPhone();
    const first = await send({ phone, description: '楼上漏水，物业一直不来处理。' });
    const again = await send({ phone, description: ' 楼上漏水 物业一直不来处理 ' });
    expect(again).toEqual({ caseId: first.caseId, number: first.number, repeated: true });
    const messages = await inTenant((tx) =>
      tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, first.caseId)),
    );
    expect(messages).toHaveLength(1);
  });

  it('is a new case with other words, another service, another phone, or once the first is closed', async () => {
    const phone = newPhone();
    const words = '邻居占用楼道堆放杂物';
    const first = await send({ phone, description: words });
    expect((await send({ phone, description: `${words}，还有电动车` })).repeated).toBe(false);
    expect((await send({ phone, description: words, serviceType: SECOND_TEST_SERVICE })).repeated).toBe(
      false,
    );
    expect((await send({ description: words })).repeated).toBe(false);
    await inTenant((tx) =>
      changeCaseStatus(tx, deskA, { caseId: first.caseId, status: 'withdrawn', reason: '已解决' }),
    );
    expect((await send({ phone, description: words })).repeated).toBe(false);
  });

  it('is recognised through width, case and punctuation', () => {
    expect(normalisedText('ＡＢＣ， 漏水！')).toBe(normalisedText('abc漏水'));
    expect(normalisedText('漏水')).not.toBe(normalisedText('渗水'));
  });
});
