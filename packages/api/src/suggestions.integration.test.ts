import {
  createTestDistrict,
  residentCodeSentTo,
  TEST_PASSWORD,
  type TestDistrict,
} from '@linju/core/testing';
import { and, asc, eq, schema, sealedColumns, withTenant } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/** The suggestion box (便民信箱, issue 18): residents leave messages on the public site, staff answer. */
const h = apiHarness();
let d: TestDistrict;
let other: TestDistrict;
let admin: AppCaller;
let stationDesk: AppCaller;
let centreDesk: AppCaller;
const site = (slug = d.slug, ip = '203.0.113.7') => h.caller({ tenantSlugHint: slug, ip });
const link = () => `/t/${d.slug}/public/suggestions`;

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  return { code: error.code, message: error.message };
};
const rowsOf = (tenantId = d.tenantId) =>
  withTenant(h.db, tenantId, (tx) =>
    tx.select().from(schema.suggestion).orderBy(asc(schema.suggestion.createdAt)),
  );
const auditOf = (id: string) =>
  withTenant(h.db, d.tenantId, (tx) =>
    tx
      .select({
        action: schema.auditEntry.action,
        actorName: schema.auditEntry.actorName,
        after: schema.auditEntry.after,
      })
      .from(schema.auditEntry)
      .where(and(eq(schema.auditEntry.objectType, 'suggestion'), eq(schema.auditEntry.objectId, id)))
      .orderBy(asc(schema.auditEntry.id)),
  );
const smsTo = (templateKey: string) =>
  withTenant(h.db, d.tenantId, (tx) =>
    tx
      .select()
      .from(schema.outboundMessage)
      .where(eq(schema.outboundMessage.templateKey, templateKey))
      .orderBy(asc(schema.outboundMessage.createdAt)),
  );

beforeAll(async () => {
  d = await createTestDistrict(h.db, h.box, 'suggestions');
  other = await createTestDistrict(h.db, h.box, 'suggestions-other');
  ({ api: admin } = await h.signIn(d.slug, 'admin', TEST_PASSWORD, d.totpSecret));
  ({ api: stationDesk } = await h.signIn(d.slug, 'desk-a', TEST_PASSWORD));
  ({ api: centreDesk } = await h.signIn(d.slug, 'desk', TEST_PASSWORD));
});
afterAll(() => h.close());

describe('leaving a suggestion on the public site', () => {
  it('keeps it in the district the address names, anonymous, audited as the suggestion box', async () => {
    const { id } = await site().suggestion.leave({
      topic: 'complaint',
      body: '调解室周末不开门',
      public: false,
    });
    expect(id).toEqual(expect.any(String));
    const [row] = await rowsOf();
    expect(row).toMatchObject({
      id,
      topic: 'complaint',
      body: '调解室周末不开门',
      status: 'open',
      replyPhoneSealed: null,
    });
    // RLS: the other district sees nothing of it.
    expect(await rowsOf(other.tenantId)).toEqual([]);
    const trail = await auditOf(id as string);
    expect(trail).toEqual([
      {
        action: 'suggestion.left',
        actorName: 'suggestion box',
        after: { topic: 'complaint', public: false, replyPhone: null },
      },
    ]);
    // The resident's words are not copied into the log.
    expect(JSON.stringify(trail)).not.toContain('调解室');
  });

  it('refuses a message without a kind or text in words, and an unknown district', async () => {
    const empty = await refusal(site().suggestion.leave({ topic: 'question', body: '  ' }));
    expect(empty).toEqual({ code: 'BAD_REQUEST', message: 'validation.failed' });
    expect(
      await refusal(site('no-such-district').suggestion.leave({ topic: 'question', body: '你好' })),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'tenant.not_found',
    });
  });

  it('answers a filled honeypot as if taken and keeps nothing', async () => {
    const before = (await rowsOf()).length;
    expect(
      await site().suggestion.leave({ topic: 'question', body: '买药', website: 'http://spam.example' }),
    ).toEqual({ id: null });
    expect(await rowsOf()).toHaveLength(before);
  });

  it('takes only so many from one address in a quarter hour', async () => {
    const from = site(d.slug, '198.51.100.9');
    for (let i = 0; i < 30; i++) await from.suggestion.leave({ topic: 'suggestion', body: `建议 ${i}` });
    expect(await refusal(from.suggestion.leave({ topic: 'suggestion', body: '再一条' }))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'publicOutreach.too_many',
    });
    // Another address of the same district is not held back.
    expect(
      (await site(d.slug, '198.51.100.10').suggestion.leave({ topic: 'suggestion', body: '另一条' })).id,
    ).toBeTruthy();
  });
});

describe('answering the suggestion box', () => {
  it('is for the centre’s roles who answer the public: a desk officer at a station or at the centre is refused', async () => {
    expect(await refusal(stationDesk.suggestion.getMany({}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(centreDesk.suggestion.getMany({}))).toMatchObject({ code: 'FORBIDDEN' });
    const { suggestions } = await admin.suggestion.getMany({});
    const target = suggestions.at(-1);
    if (!target) throw new Error('no suggestion');
    expect(
      await refusal(centreDesk.suggestion.answer({ id: target.id, answer: '好', link: link() })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists newest first with the total, never showing the sealed phone', async () => {
    const { suggestions, total } = await admin.suggestion.getMany({ size: 5 });
    expect(suggestions).toHaveLength(5);
    expect(total).toEqual({ count: (await rowsOf()).length, capped: false });
    const times = suggestions.map((s) => new Date(s.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(suggestions[0]).not.toHaveProperty('replyPhoneSealed');
    expect(suggestions[0]).not.toHaveProperty('replyPhoneIndex');
  });

  it('records the answer once, audited; an anonymous resident gets no SMS', async () => {
    const { id } = await site().suggestion.leave({
      topic: 'question',
      body: '离婚需要带什么材料？',
      public: true,
    });
    if (!id) throw new Error('not kept');
    const answered = await admin.suggestion.answer({
      id,
      answer: '请带身份证、户口簿和结婚证。',
      link: link(),
    });
    expect(answered).toMatchObject({ messageId: null, suggestion: { status: 'answered' } });
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['suggestion.left', 'suggestion.answered']);
    expect(await refusal(admin.suggestion.answer({ id, answer: '再答一次', link: link() }))).toEqual({
      code: 'CONFLICT',
      message: 'suggestion.already_answered',
    });
    // It shows on the public answered list, with nothing about the resident.
    const shown = await site().suggestion.answered();
    expect(shown).toEqual([
      {
        id,
        topic: 'question',
        body: '离婚需要带什么材料？',
        answer: '请带身份证、户口簿和结婚证。',
        answeredAt: expect.any(Date),
      },
    ]);
    // Not in another district's list.
    expect(await site(other.slug).suggestion.answered()).toEqual([]);
  });

  it('keeps an answer the resident did not make public off the public list', async () => {
    const { id } = await site().suggestion.leave({ topic: 'complaint', body: '窗口人员态度差' });
    if (!id) throw new Error('not kept');
    await admin.suggestion.answer({ id, answer: '已核实并批评教育。', link: link() });
    expect((await site().suggestion.answered()).map((s) => s.id)).not.toContain(id);
  });

  it('asks a resident who wants an SMS to prove their phone first', async () => {
    expect(
      await refusal(site().suggestion.leave({ topic: 'question', body: '怎么申请？', notifyMe: true })),
    ).toEqual({ code: 'UNAUTHORIZED', message: 'resident.not_verified' });
    expect(await refusal(site().suggestion.mine())).toEqual({
      code: 'UNAUTHORIZED',
      message: 'resident.not_verified',
    });
  });

  it('tells a resident who left their phone by SMS, with the link and never the text, in the answer’s transaction', async () => {
    const phone = '13912345678';
    const ip = '203.0.113.80';
    await site(d.slug, ip).residentSession.requestCode({ phone });
    const code = (await residentCodeSentTo(h.db, h.box, d.tenantId, phone)) ?? '';
    const { residentToken } = await site(d.slug, ip).residentSession.verify({ phone, code });
    const resident = h.caller({ tenantSlugHint: d.slug, ip, residentToken });
    const { id } = await resident.suggestion.leave({
      topic: 'question',
      body: '怎么申请法律援助？',
      notifyMe: true,
    });
    if (!id) throw new Error('not kept');
    // Left without asking for an SMS, the phone is not kept even for a proved resident.
    const quiet = await resident.suggestion.leave({ topic: 'suggestion', body: '多开几个夜间窗口' });
    expect((await rowsOf()).find((r) => r.id === quiet.id)?.replyPhoneSealed).toBeNull();
    const [row] = (await rowsOf()).filter((r) => r.id === id);
    expect(row?.replyPhoneMasked).toBe('139****5678');
    expect(row?.replyPhoneSealed).not.toContain('13912345678');
    const listed = (await admin.suggestion.getMany({})).suggestions.find((s) => s.id === id);
    expect(listed?.replyPhoneMasked).toBe('139****5678');

    // A refused answer (a link of another site) leaves no message behind.
    expect(
      await refusal(
        admin.suggestion.answer({ id, answer: '可以来中心申请。', link: '/t/elsewhere/public/suggestions' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await smsTo('suggestion-answered')).toEqual([]);

    const { messageId } = await admin.suggestion.answer({ id, answer: '可以来中心申请。', link: link() });
    const [sms] = await smsTo('suggestion-answered');
    expect(sms).toMatchObject({
      id: messageId,
      channel: 'sms',
      status: 'queued',
      recipientMasked: '139****5678',
    });
    if (!sms) throw new Error('no sms');
    expect(h.box.decrypt(sms.recipientSealed, d.tenantId, sealedColumns.messageRecipient)).toBe(
      '13912345678',
    );
    const params = h.box.decrypt(sms.paramsSealed, d.tenantId, sealedColumns.messageParams);
    expect(JSON.parse(params)).toEqual({ link: link() });
    expect(params).not.toContain('可以来中心申请');
  });
});
