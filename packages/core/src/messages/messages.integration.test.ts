import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, asc, connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { checkRatingCode } from '../cases/rating-code.ts';
import { recordConsent } from '../cases/resident-consent.ts';
import { recordResidentFeedback } from '../cases/resident-feedback.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { enqueueMessage } from './enqueue-message.ts';
import {
  claimDueMessages,
  MAX_MESSAGE_ATTEMPTS,
  recordDeliveryReport,
  recordSendOutcome,
  retryDelayMs,
  SENDING_LEASE_MS,
} from './message-delivery.ts';
import { listMessageProviders, loadMessageProviders, setMessageProvider } from './message-providers.ts';
import { listMessages } from './message-queries.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let deskA: Actor;
let admin: Actor;
let otherAdmin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>, tenantId = d.tenantId) =>
  withTenant(app.db, tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return error.message;
};
let n = 0;
const intake = (phone: string | null = `139${String(10_000_000 + n++).slice(-8)}`) =>
  inTenant((tx) =>
    intakeCase(tx, deskA, box, {
      channel: 'walk-in',
      resident: { name: `孙${n++}`, ...(phone ? { phone } : {}), contactPreference: 'sms' },
      serviceType: TEST_SERVICE,
      description: '邻里噪音纠纷',
      organisationId: d.organisations.stationA,
    }),
  );
const messagesOf = (caseId: string) =>
  inTenant((tx) =>
    tx
      .select()
      .from(schema.outboundMessage)
      .where(eq(schema.outboundMessage.caseId, caseId))
      .orderBy(asc(schema.outboundMessage.createdAt)),
  );
const auditTrail = (id: string) =>
  inTenant((tx) =>
    tx
      .select({ action: schema.auditEntry.action, after: schema.auditEntry.after })
      .from(schema.auditEntry)
      .where(and(eq(schema.auditEntry.objectType, 'message'), eq(schema.auditEntry.objectId, id)))
      .orderBy(asc(schema.auditEntry.id)),
  );
/** Claims exactly the given message (others in the district stay as they are). */
async function claim(id: string, now: Date) {
  const claimed = await inTenant((tx) =>
    claimDueMessages(tx, box, { tenantId: d.tenantId, channels: ['sms'], now, limit: 100 }),
  );
  return claimed.find((c) => c.id === id);
}

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'messages');
  other = await createTestDistrict(app.db, box, 'messages-other');
  const adminOf = async (tenantId: string) => {
    const [row] = await withTenant(app.db, tenantId, (tx) =>
      tx.select().from(schema.staffMember).where(eq(schema.staffMember.username, 'admin')),
    );
    return actorOf(app.db, tenantId, row?.id ?? '');
  };
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA);
  admin = await adminOf(d.tenantId);
  otherAdmin = await adminOf(other.tenantId);
});
afterAll(() => app.close());

describe('the intake receipt', () => {
  it('is queued with the intake, sealed, and listed masked with its case number and no parameters', async () => {
    const c = await intake('13912345678');
    const [row] = await messagesOf(c.id);
    expect(row).toMatchObject({
      channel: 'sms',
      templateKey: 'intake-receipt',
      recipientMasked: '139****5678',
      status: 'queued',
      attempts: 0,
    });
    expect(row?.recipientSealed).not.toContain('13912345678');
    expect(row?.paramsSealed).not.toContain(c.number);
    const list = await inTenant((tx) => listMessages(tx, admin));
    const listed = list.items.find((i) => i.id === row?.id);
    expect(listed).toMatchObject({ recipient: '139****5678', caseNumber: c.number, status: 'queued' });
    expect(JSON.stringify(listed)).not.toContain('13912345678');
    expect((await auditTrail(row?.id ?? '')).map((a) => a.action)).toEqual(['message.queued']);
    expect(JSON.stringify(await auditTrail(row?.id ?? ''))).not.toContain('13912345678');
  });

  it('is not sent to a landline, nor when the resident gave no phone', async () => {
    expect(await messagesOf((await intake('021-64870000')).id)).toEqual([]);
    expect(await messagesOf((await intake(null)).id)).toEqual([]);
  });

  it('leaves nothing behind when the change it reports rolls back', async () => {
    const before = (await inTenant((tx) => listMessages(tx, admin, { limit: 100 }))).items.length;
    await expect(
      inTenant(async (tx) => {
        await enqueueMessage(tx, deskA, box, {
          channel: 'sms',
          templateKey: 'intake-receipt',
          recipient: '13900000000',
          params: { number: 'X-1' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await inTenant((tx) => listMessages(tx, admin, { limit: 100 }))).items.length).toBe(before);
  });
});

describe('the rating code on closing', () => {
  async function closable(consent: boolean) {
    const c = await intake();
    for (const status of ['in-progress', 'resolved'] as const)
      await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status }));
    await inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: '电话告知结果' }));
    if (consent)
      await inTenant((tx) => recordConsent(tx, deskA, { caseId: c.id, purpose: 'feedback-contact' }));
    return c;
  }

  it('texts a working code to a resident who agreed to feedback contact, in the close', async () => {
    const c = await closable(true);
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }, box));
    const rating = (await messagesOf(c.id)).find((m) => m.templateKey === 'rating-code');
    expect(rating).toMatchObject({ status: 'queued', channel: 'sms' });
    const sent = await claim(rating?.id ?? '', new Date());
    expect(sent?.params.number).toBe(c.number);
    await expect(checkRatingCode(app.db, sent?.params.code ?? '', '192.0.2.40')).resolves.toBeTruthy();
  });

  it('sends nothing without that consent', async () => {
    const c = await closable(false);
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }, box));
    expect((await messagesOf(c.id)).map((m) => m.templateKey)).toEqual(['intake-receipt']);
  });
});

describe('delivery', () => {
  const queue = () =>
    inTenant((tx) =>
      enqueueMessage(tx, deskA, box, {
        channel: 'sms',
        templateKey: 'rating-code',
        recipient: '13700001111',
        params: { number: 'T-1', code: 'ABCDE-FGHJK' },
      }),
    );
  const record = (
    id: string,
    attempt: number,
    now: Date,
    result: Parameters<typeof recordSendOutcome>[1]['result'],
  ) =>
    inTenant((tx) =>
      recordSendOutcome(tx, { tenantId: d.tenantId, id, attempt, provider: 'aliyun-sms', now, result }),
    );

  it('retries a passing failure after its back-off, then records the send, each step audited', async () => {
    const { id } = await queue();
    const t0 = new Date();
    const first = await claim(id, t0);
    expect(first).toMatchObject({ attempt: 1, recipient: '13700001111', params: { code: 'ABCDE-FGHJK' } });
    expect(await claim(id, t0)).toBeUndefined();
    expect(await record(id, 1, t0, { outcome: 'retry', error: 'Throttling' })).toEqual({ status: 'queued' });
    expect(await claim(id, new Date(t0.getTime() + retryDelayMs(1) - 1000))).toBeUndefined();
    const second = await claim(id, new Date(t0.getTime() + retryDelayMs(1)));
    expect(second?.attempt).toBe(2);
    await record(id, 2, t0, { outcome: 'sent', providerMessageId: 'biz-1' });
    const [row] = await inTenant((tx) =>
      tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.id, id)),
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'biz-1', lastError: null });
    expect((await auditTrail(id)).map((a) => a.action)).toEqual([
      'message.queued',
      'message.sending',
      'message.retry_scheduled',
      'message.sending',
      'message.sent',
    ]);
    expect(
      await inTenant((tx) =>
        recordDeliveryReport(tx, {
          tenantId: d.tenantId,
          provider: 'aliyun-sms',
          providerMessageId: 'biz-1',
          delivered: true,
          at: new Date(),
        }),
      ),
    ).toBe(true);
    expect((await auditTrail(id)).at(-1)?.action).toBe('message.delivered');
  });

  it('fails for good on a permanent error, and after the last attempt of passing ones', async () => {
    const bad = await queue();
    await claim(bad.id, new Date());
    expect(
      await record(bad.id, 1, new Date(), { outcome: 'failed', error: 'isv.SMS_TEMPLATE_ILLEGAL' }),
    ).toEqual({
      status: 'failed',
    });
    const tired = await queue();
    await inTenant((tx) =>
      tx
        .update(schema.outboundMessage)
        .set({ attempts: MAX_MESSAGE_ATTEMPTS - 1 })
        .where(eq(schema.outboundMessage.id, tired.id)),
    );
    const last = await claim(tired.id, new Date());
    expect(last?.attempt).toBe(MAX_MESSAGE_ATTEMPTS);
    expect(
      await record(tired.id, MAX_MESSAGE_ATTEMPTS, new Date(), { outcome: 'retry', error: 'Throttling' }),
    ).toEqual({
      status: 'failed',
    });
  });

  it('never sends twice after a crash between sending and recording: the lapsed claim fails the message', async () => {
    const { id } = await queue();
    const t0 = new Date();
    await claim(id, t0);
    // The worker died here. After the lease, the message is not handed out again.
    expect(await claim(id, new Date(t0.getTime() + SENDING_LEASE_MS))).toBeUndefined();
    const [row] = await inTenant((tx) =>
      tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.id, id)),
    );
    expect(row).toMatchObject({ status: 'failed', lastError: 'outcome-unknown', attempts: 1 });
    // A late record of the dead claim does not undo that.
    expect(await record(id, 1, new Date(), { outcome: 'sent', providerMessageId: 'late' })).toBeNull();
  });
});

describe('walls', () => {
  it('another district lists none of these messages and cannot read their rows', async () => {
    const ours = await inTenant((tx) => listMessages(tx, admin, { limit: 100 }));
    expect(ours.items.length).toBeGreaterThan(0);
    const theirs = await inTenant((tx) => listMessages(tx, otherAdmin, { limit: 100 }), other.tenantId);
    expect(theirs.items.filter((i) => ours.items.some((o) => o.id === i.id))).toEqual([]);
    const rows = await inTenant((tx) => tx.select().from(schema.outboundMessage), other.tenantId);
    expect(rows).toEqual([]);
  });

  it('only a district-wide administrator lists messages and sets providers', async () => {
    expect(await refusal(inTenant((tx) => listMessages(tx, deskA)))).toBe('auth.forbidden');
    expect(
      await refusal(
        inTenant((tx) => setMessageProvider(tx, deskA, box, { channel: 'sms', provider: 'log' })),
      ),
    ).toBe('auth.forbidden');
  });
});

describe('provider settings', () => {
  it('refuses an adapter of another channel', async () => {
    expect(
      await refusal(
        inTenant((tx) => setMessageProvider(tx, admin, box, { channel: 'sms', provider: 'smtp' })),
      ),
    ).toBe('message.provider_not_for_channel');
  });

  it('seals the credentials, shows none, and replaces the channel’s adapter', async () => {
    await inTenant((tx) =>
      setMessageProvider(tx, admin, box, {
        channel: 'sms',
        provider: 'aliyun-sms',
        settings: {
          signName: '徐汇司法',
          'template.intake-receipt': { templateId: 'SMS_1', params: ['number'] },
        },
        credentials: { accessKeyId: 'LTAI-test', accessKeySecret: 'very-secret' },
      }),
    );
    await inTenant((tx) => setMessageProvider(tx, admin, box, { channel: 'sms', provider: 'log' }));
    const shown = await inTenant((tx) => listMessageProviders(tx, admin));
    expect(shown).toMatchObject([{ channel: 'sms', provider: 'log' }]);
    const [row] = await inTenant((tx) => tx.select().from(schema.messageProvider));
    expect(row?.credentialsSealed).not.toContain('very-secret');
    const loaded = await inTenant((tx) => loadMessageProviders(tx, box));
    expect(loaded).toMatchObject([{ channel: 'sms', provider: 'log', credentials: {} }]);
    const audit = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.action, 'message.provider_set')),
    );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('very-secret');
  });

  it('refuses settings its adapter cannot send with, naming the field', async () => {
    const refused = await inTenant((tx) =>
      setMessageProvider(tx, admin, box, {
        channel: 'sms',
        provider: 'tencent-sms',
        settings: { signName: '徐汇司法' },
        credentials: { secretId: 'AKID', secretKey: 'k' },
      }),
    ).catch((e: DomainError) => e);
    expect(refused).toMatchObject({
      message: 'message.provider_setting_invalid',
      field: 'settings.smsSdkAppId',
    });
  });

  it('keeps the saved credentials when asked, only for the same adapter', async () => {
    const tencent = { smsSdkAppId: '1400000001', signName: '徐汇司法' };
    await inTenant((tx) =>
      setMessageProvider(tx, admin, box, {
        channel: 'sms',
        provider: 'tencent-sms',
        settings: tencent,
        credentials: { secretId: 'AKID-kept', secretKey: 'kept-secret' },
      }),
    );
    await inTenant((tx) =>
      setMessageProvider(tx, admin, box, {
        channel: 'sms',
        provider: 'tencent-sms',
        settings: { ...tencent, signName: '徐汇区司法局' },
        keepCredentials: true,
      }),
    );
    const loaded = await inTenant((tx) => loadMessageProviders(tx, box));
    expect(loaded).toMatchObject([
      {
        provider: 'tencent-sms',
        settings: { signName: '徐汇区司法局' },
        credentials: { secretKey: 'kept-secret' },
      },
    ]);
    expect(
      await refusal(
        inTenant((tx) =>
          setMessageProvider(tx, admin, box, {
            channel: 'sms',
            provider: 'aliyun-sms',
            settings: { signName: '徐汇司法' },
            keepCredentials: true,
          }),
        ),
      ),
    ).toBe('message.provider_credentials_required');
  });
});

// The seed and the platform's own closes pass no box: they close without texting.
it('closes without a message when no secret box is given', async () => {
  const c = await intake();
  const system = systemActor(d.tenantId);
  for (const status of ['in-progress', 'resolved'] as const)
    await inTenant((tx) => changeCaseStatus(tx, system, { caseId: c.id, status }));
  await inTenant((tx) => recordResidentFeedback(tx, system, { caseId: c.id, summary: '电话告知结果' }));
  await inTenant((tx) => recordConsent(tx, system, { caseId: c.id, purpose: 'feedback-contact' }));
  await inTenant((tx) => changeCaseStatus(tx, system, { caseId: c.id, status: 'closed' }));
  expect((await messagesOf(c.id)).map((m) => m.templateKey)).toEqual(['intake-receipt']);
});
