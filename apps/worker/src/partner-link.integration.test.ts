import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiContext, type AppCaller, createCaller } from '@linju/api';
import {
  type ContactMessage,
  createLocalDocumentStore,
  createOrganisation,
  createStaffMember,
  registerNotificationChannel,
  systemActor,
  unregisterNotificationChannel,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { and, eq, schema, sealedColumns, withTenant } from '@linju/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLiveWorker } from './testing/live-worker.ts';

/**
 * One-time links (issue 6): a partner without an account and without a system of its own answers
 * its referral through a signed link, on a public page, through the same workflow as the inbox.
 * The API as the server wires it, a worker, real PostgreSQL and the real Temporal dev server.
 */
const files = createLocalDocumentStore(join(mkdtempSync(join(tmpdir(), 'linju-plink-')), 'files'));
const live = useLiveWorker('plink', { poolSize: 8, nodeId: 'linju-test', files });
const { box, context } = live;
let d: TestDistrict;
let federation: string;

/** Nobody signed in: the partner with its link. */
const anonymous = (over: Partial<ApiContext> = {}) => createCaller(context(over));

async function signIn(username: string): Promise<AppCaller> {
  const { sessionToken } = await createCaller(context()).auth.login({
    tenantSlug: d.slug,
    username,
    password: TEST_PASSWORD,
  });
  return createCaller(context({ sessionToken }));
}

type ApiError = { name: string; code: string; message: string };
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = (await call.then(
    () => expect.fail('the call succeeded'),
    (e: unknown) => e,
  )) as ApiError;
  expect(error.name).toBe('TRPCError');
  return error;
}

beforeAll(async () => {
  d = await createTestDistrict(live.app.db, box, 'plink');
  await withTenant(live.app.db, d.tenantId, async (tx) => {
    const actor = systemActor(d.tenantId, 'test');
    // The women's federation has no account here and no system of its own: only a phone.
    federation = (
      await createOrganisation(tx, actor, {
        kind: 'federation',
        nameZh: '测试区妇联',
        nameEn: 'Test women’s federation',
        phone: '021-64000000',
      })
    ).id;
    // The court has a clerk who answers in the inbox: it needs no link.
    await createStaffMember(
      tx,
      actor,
      {
        username: 'clerk',
        displayName: '书记员',
        organisationId: d.organisations.court,
        password: TEST_PASSWORD,
        roles: [{ role: 'partner-user', organisationId: d.organisations.court }],
        mustChangePassword: false,
      },
      box,
    );
  });
});

async function referToFederation(desk: AppCaller, summary: string) {
  const legalCase = await desk.case.create({
    channel: 'walk-in',
    resident: {
      name: '钱女士',
      phone: '13912345678',
      idNumber: '110101199003074514',
      keyGroups: ['women-and-children'],
    },
    serviceType: TEST_SERVICE,
    description: '家庭纠纷，需妇联协助',
    organisationId: d.organisations.stationA,
  });
  await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: federation });
  const sent = await desk.referral.create({
    caseId: legalCase.id,
    toOrganisationId: federation,
    kind: 'assistance',
    summary,
  });
  return { legalCase, sent };
}

const linkRows = (referralId: string) =>
  live.app.db.select().from(schema.partnerLink).where(eq(schema.partnerLink.referralId, referralId));

describe('one-time links for partners without an account', () => {
  it('issues a link at send, opens exactly that referral and takes the answers through the workflow', async () => {
    const desk = await signIn('desk-a');
    const { legalCase, sent } = await referToFederation(desk, '请妇联协助家庭矛盾调处');

    // The link is in the answer once; no SMS or e-mail sender is installed, so staff pass it on.
    const link = sent.partnerLink;
    expect(link).toMatchObject({
      referralId: sent.id,
      contact: { name: '测试区妇联', phone: '021-64000000' },
      sentVia: [],
    });
    if (!link) throw new Error('no link');
    expect(link.path).toBe(`/p/${link.token}`);
    expect(link.token.length).toBeGreaterThanOrEqual(43);
    // Only its SHA-256 is kept, and the timeline records the issue without the token.
    const [stored] = await linkRows(sent.id);
    expect(stored?.tokenHash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const shownCase = await desk.case.get({ caseId: legalCase.id });
    const issued = shownCase.timeline.find((e) => e.data.event === 'partner-link');
    expect(issued?.data).toMatchObject({ referralId: sent.id, sentVia: [] });
    expect(JSON.stringify(shownCase.timeline)).not.toContain(link.token);
    expect((await desk.referral.getMany({ caseId: legalCase.id }))[0]).toMatchObject({ oneTimeLink: true });

    // The page shows that referral and only the fields its kind shares (assistance: no ID number).
    const partner = anonymous();
    const view = await partner.partnerLink.view({ token: link.token });
    expect(view).toMatchObject({
      referral: {
        kind: 'assistance',
        status: 'requested',
        summary: '请妇联协助家庭矛盾调处',
        subject: { displayName: '钱女士', phone: '13912345678', groups: ['women-and-children'] },
      },
      partner: { nameZh: '测试区妇联' },
      from: { nameEn: 'Station A' },
    });
    expect(view.referral.subject).not.toHaveProperty('idNumber');
    expect(view).not.toHaveProperty('caseId');

    // The state machine is the inbox's: a rejection needs a reason, completing needs acceptance first.
    const noReason = await failure(partner.partnerLink.answer({ token: link.token, type: 'rejected' }));
    expect(noReason.message).toBe('referral.reason_required');
    expect(
      await partner.partnerLink.answer({ token: link.token, type: 'accepted', answeredBy: '李主任' }),
    ).toEqual({ status: 'accepted' });
    const failedWithoutReason = await failure(
      partner.partnerLink.answer({ token: link.token, type: 'failed' }),
    );
    expect(failedWithoutReason.message).toBe('referral.reason_required');
    await partner.partnerLink.answer({ token: link.token, type: 'in-progress' });
    const outcome = { code: 'mediated', text: '妇联已上门协调，双方达成谅解' };
    expect(await partner.partnerLink.answer({ token: link.token, type: 'completed', outcome })).toEqual({
      status: 'completed',
    });

    // The sender sees the result, on the referral and on the case, in the partner's name.
    expect((await desk.referral.getMany({ caseId: legalCase.id }))[0]).toMatchObject({
      status: 'completed',
      outcomeText: outcome.text,
    });
    const timeline = (await desk.case.get({ caseId: legalCase.id })).timeline.filter(
      (e) => e.kind === 'referral' && typeof e.data.event === 'string',
    );
    expect(timeline.map((e) => e.data.event)).toEqual([
      'requested',
      'partner-link',
      'received',
      'accepted',
      'in-progress',
      'completed',
    ]);
    expect(timeline.find((e) => e.data.event === 'accepted')?.actorName).toBe('李主任（测试区妇联）');
    expect(timeline.at(-1)).toMatchObject({ actorName: '测试区妇联', data: { feedbackDue: true } });
    // The same audit as the inbox: one entry per effect, by the link's answerer.
    const audited = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.objectType, 'referral'), eq(schema.auditEntry.objectId, sent.id))),
    );
    expect(audited.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'referral.received',
        'referral.accepted',
        'referral.in-progress',
        'referral.completed',
      ]),
    );
    expect(audited.find((e) => e.action === 'referral.completed')?.after).toMatchObject({
      by: { party: 'receiver', role: 'one-time-link', staffId: null },
    });

    // The referral ended: the link closed with it, and says so.
    const used = await failure(partner.partnerLink.view({ token: link.token }));
    expect(used).toMatchObject({ code: 'CONFLICT', message: 'partner_link.used' });
    expect((await linkRows(sent.id))[0]).toMatchObject({ closedReason: 'completed' });
  });

  it('rotates on a new issue and closes on cancellation; an expired link says so', async () => {
    const desk = await signIn('desk-a');
    const { sent } = await referToFederation(desk, '请妇联协助');
    const first = sent.partnerLink?.token as string;
    const second = await desk.referral.issuePartnerLink({ referralId: sent.id });
    const partner = anonymous();
    expect((await failure(partner.partnerLink.view({ token: first }))).message).toBe('partner_link.used');
    expect((await partner.partnerLink.view({ token: second.token })).referral.status).toBe('requested');

    await live.app.db
      .update(schema.partnerLink)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.partnerLink.tokenHash, createHash('sha256').update(second.token).digest('hex')));
    const expired = await failure(partner.partnerLink.view({ token: second.token }));
    expect(expired).toMatchObject({ code: 'CONFLICT', message: 'partner_link.expired' });
    expect(
      (await failure(partner.partnerLink.answer({ token: second.token, type: 'accepted' }))).message,
    ).toBe('partner_link.expired');

    const third = await desk.referral.issuePartnerLink({ referralId: sent.id });
    await desk.referral.cancel({ referralId: sent.id, reason: '当事人已和好' });
    expect((await failure(partner.partnerLink.view({ token: third.token }))).message).toBe(
      'partner_link.used',
    );
    // Nothing to answer any more: no new link either.
    const ended = await failure(desk.referral.issuePartnerLink({ referralId: sent.id }));
    expect(ended).toMatchObject({ code: 'CONFLICT', message: 'partner_link.referral_ended' });
  });

  it('once opened, works for half an hour and then asks for a new link; every showing is audited', async () => {
    const desk = await signIn('desk-a');
    const { sent } = await referToFederation(desk, '请妇联协助（限时链接）');
    const token = sent.partnerLink?.token as string;
    const hash = createHash('sha256').update(token).digest('hex');
    const partner = anonymous({ ip: '10.7.7.7' });
    const first = await partner.partnerLink.view({ token });
    const openedAt = (await linkRows(sent.id))[0]?.firstOpenedAt;
    if (!openedAt) throw new Error('the first opening was not stamped');
    // The page says when it stops working: half an hour after the first opening.
    expect(first.expiresAt.getTime()).toBe(openedAt.getTime() + 30 * 60_000);
    await partner.partnerLink.view({ token });
    const viewed = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(
          and(
            eq(schema.auditEntry.action, 'referral.partner_link_viewed'),
            eq(schema.auditEntry.objectId, sent.id),
          ),
        ),
    );
    expect(viewed).toHaveLength(2);
    expect(viewed[0]).toMatchObject({
      actorId: null,
      actorName: '测试区妇联',
      objectType: 'referral',
      after: { link: hash.slice(0, 16), ip: '10.7.7.7' },
    });
    expect(JSON.stringify(viewed)).not.toContain(token);

    // Opened 31 minutes ago: neither the page nor an answer works, and the partner is told why.
    await live.app.db
      .update(schema.partnerLink)
      .set({ firstOpenedAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(schema.partnerLink.tokenHash, hash));
    expect(await failure(partner.partnerLink.view({ token }))).toMatchObject({
      code: 'CONFLICT',
      message: 'partner_link.window_over',
    });
    expect((await failure(partner.partnerLink.answer({ token, type: 'accepted' }))).message).toBe(
      'partner_link.window_over',
    );
    // The district issues a new one, which opens afresh.
    const again = await desk.referral.issuePartnerLink({ referralId: sent.id });
    expect((await partner.partnerLink.view({ token: again.token })).referral.status).toBe('requested');
  });

  it('names unknown links and holds back an address that keeps guessing', async () => {
    const guesser = anonymous({ ip: '10.9.9.9' });
    const unknown = await failure(guesser.partnerLink.view({ token: randomBytes(32).toString('base64url') }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'partner_link.invalid' });
    for (let i = 1; i < 30; i++) {
      await guesser.partnerLink.view({ token: randomBytes(32).toString('base64url') }).catch(() => undefined);
    }
    const held = await failure(guesser.partnerLink.view({ token: randomBytes(32).toString('base64url') }));
    expect(held).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'partner_link.too_many_attempts' });
  });

  it('gives no link to a partner with accounts, and hands a link to an installed contact channel', async () => {
    const desk = await signIn('desk-a');
    const legalCase = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '孙先生', phone: '13712345678' },
      serviceType: TEST_SERVICE,
      description: '调解协议申请司法确认',
      organisationId: d.organisations.stationA,
    });
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: d.organisations.court });
    const toCourt = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: d.organisations.court,
      kind: 'judicial-confirmation',
      summary: '司法确认',
    });
    expect(toCourt.partnerLink).toBeNull();
    expect((await failure(desk.referral.issuePartnerLink({ referralId: toCourt.id }))).message).toBe(
      'partner_link.not_needed',
    );
    // The court refuses; re-routed to the federation, the new referral comes with its link.
    const clerk = await signIn('clerk');
    await clerk.referral.transition({ referralId: toCourt.id, type: 'rejected', reason: '不属于本院管辖' });
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: federation });
    const rerouted = await desk.referral.reroute({
      referralId: toCourt.id,
      toOrganisationId: federation,
      reason: '改由妇联协助',
    });
    expect(rerouted.partnerLink).toMatchObject({ referralId: rerouted.id, sentVia: [] });
    expect(
      (await anonymous().partnerLink.view({ token: rerouted.partnerLink?.token as string })).referral.summary,
    ).toBe('司法确认');

    const sms: ContactMessage[] = [];
    registerNotificationChannel({
      id: 'test-sms',
      deliver: async () => {},
      deliverToContact: async (_tx, message) => {
        sms.push(message);
        return message.contact.phone !== null;
      },
    });
    try {
      const { sent } = await referToFederation(desk, '请妇联协助（短信）');
      expect(sent.partnerLink?.sentVia).toEqual(['test-sms']);
      expect(sms).toEqual([
        expect.objectContaining({
          contact: { name: '测试区妇联', phone: '021-64000000' },
          messageKey: 'partnerLink.contact_message',
          linkPath: sent.partnerLink?.path,
        }),
      ]);
    } finally {
      unregisterNotificationChannel('test-sms');
    }
  });
});

describe('the link by SMS from the outbox', () => {
  it('texts a partner with a mobile phone its link, with the send’s commit; a refused send texts nobody', async () => {
    const bureau = await withTenant(live.app.db, d.tenantId, async (tx) =>
      createOrganisation(tx, systemActor(d.tenantId, 'test'), {
        kind: 'department',
        nameZh: '测试区人社局（短信）',
        nameEn: 'Test labour bureau (SMS)',
        phone: '13700001111',
      }),
    );
    const outbox = () =>
      withTenant(live.app.db, d.tenantId, (tx) =>
        tx
          .select()
          .from(schema.outboundMessage)
          .where(eq(schema.outboundMessage.templateKey, 'partner-link')),
      );
    const desk = await signIn('desk-a');
    const legalCase = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '孙先生', phone: '13912340000' },
      serviceType: TEST_SERVICE,
      description: '合同纠纷，需律师协助',
      organisationId: d.organisations.stationA,
    });
    const before = (await outbox()).length;
    // Without the resident's consent the send is refused: no link, no message.
    await failure(
      desk.referral.create({
        caseId: legalCase.id,
        toOrganisationId: bureau.id,
        kind: 'assistance',
        summary: '请协助',
      }),
    );
    expect(await outbox()).toHaveLength(before);

    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: bureau.id });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: bureau.id,
      kind: 'assistance',
      summary: '请协助',
    });
    expect(sent.partnerLink?.sentVia).toEqual(['sms']);
    const messages = (await outbox()).filter((m) => m.caseId === legalCase.id);
    expect(messages).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'queued', recipientMasked: '137****1111' }),
    ]);
    const [message] = messages;
    if (!message) throw new Error('no message');
    expect(JSON.parse(box.decrypt(message.paramsSealed, d.tenantId, sealedColumns.messageParams))).toEqual({
      number: legalCase.number,
      link: sent.partnerLink?.path,
    });
  });
});

describe('progress notes and outcome documents through a link, within one deployment', () => {
  it('takes a note and the outcome with its documents: both land on the sender’s case', async () => {
    const desk = await signIn('desk-a');
    const { legalCase, sent } = await referToFederation(desk, '请妇联跟进并回传材料');
    const token = sent.partnerLink?.token as string;
    const partner = anonymous();
    await partner.partnerLink.answer({ token, type: 'accepted', answeredBy: '李主任' });
    // A note: no move of the state, on the case in the partner's name, shown on the link's page.
    expect(
      await partner.partnerLink.note({ token, text: '已约谈双方，下周回访', answeredBy: '李主任' }),
    ).toEqual({
      status: 'accepted',
    });
    expect((await partner.partnerLink.view({ token })).events.at(-1)).toMatchObject({
      type: 'note',
      by: '李主任（测试区妇联）',
      reason: '已约谈双方，下周回访',
    });
    const noted = (await desk.case.get({ caseId: legalCase.id })).timeline.find(
      (e) => e.kind === 'referral' && e.data.event === 'note',
    );
    expect(noted).toMatchObject({
      actorName: '李主任（测试区妇联）',
      text: '已约谈双方，下周回访',
      data: { party: 'receiver', status: 'accepted' },
    });
    // A note says something: an empty one is refused as malformed.
    expect(await failure(partner.partnerLink.note({ token, text: ' ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'validation.failed',
    });

    // The outcome with a document: checked like a case document, then a document of the case.
    await partner.partnerLink.answer({ token, type: 'in-progress' });
    const big = Buffer.alloc(1024 * 1024 + 1, 0x41).toString('base64');
    const tooLarge = await failure(
      partner.partnerLink.answer({
        token,
        type: 'completed',
        outcome: {
          code: 'mediated',
          text: '已调处',
          documents: [{ fileName: 'big.txt', contentType: 'text/plain', contentBase64: big }],
        },
      }),
    );
    expect(tooLarge.message).toBe('case.document_too_large');
    const record = Buffer.from('%PDF-1.7\n回访记录\n%%EOF\n');
    await partner.partnerLink.answer({
      token,
      type: 'completed',
      outcome: {
        code: 'mediated',
        text: '双方达成谅解',
        documents: [
          {
            fileName: '回访记录.pdf',
            contentType: 'application/pdf',
            contentBase64: record.toString('base64'),
          },
        ],
      },
    });
    const shown = await desk.case.get({ caseId: legalCase.id });
    const document = shown.documents.find((x) => x.fileName === '回访记录.pdf');
    expect(document).toMatchObject({ contentType: 'application/pdf', sizeBytes: record.length });
    const read = await desk.case.getDocument({ caseId: legalCase.id, documentId: String(document?.id) });
    expect(Buffer.from(read.contentBase64, 'base64').equals(record)).toBe(true);
    expect(
      shown.timeline.find((e) => e.kind === 'document' && e.data.source === 'referral-outcome'),
    ).toMatchObject({
      actorName: '测试区妇联',
      data: { fileName: '回访记录.pdf', referralId: sent.id },
    });
    // Kept with the referral as the outcome's, not as a document sent with it.
    const kept = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx.select().from(schema.referralAttachment).where(eq(schema.referralAttachment.referralId, sent.id)),
    );
    expect(kept).toEqual([
      expect.objectContaining({ name: '回访记录.pdf', purpose: 'outcome', documentId: document?.id }),
    ]);
  });

  it('takes a failure with its reason and, optionally, an outcome with documents, onto the sender’s case', async () => {
    const desk = await signIn('desk-a');
    const partner = anonymous();
    // A failure with a document (e.g. why it could not be done): checked like a completion's.
    const withDocument = await referToFederation(desk, '请妇联协助，未能办结时回传说明');
    const token = withDocument.sent.partnerLink?.token as string;
    await partner.partnerLink.answer({ token, type: 'accepted', answeredBy: '李主任' });
    const refused = await failure(
      partner.partnerLink.answer({
        token,
        type: 'failed',
        reason: '当事人拒绝调处',
        outcome: {
          code: 'declined',
          text: '当事人书面拒绝',
          documents: [{ fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' }],
        },
      }),
    );
    expect(refused.message).toBe('case.document_type_not_allowed');
    const letter = Buffer.from('%PDF-1.7\n当事人拒绝调处的书面说明\n%%EOF\n');
    expect(
      await partner.partnerLink.answer({
        token,
        type: 'failed',
        reason: '当事人拒绝调处',
        answeredBy: '李主任',
        outcome: {
          code: 'declined',
          text: '当事人书面拒绝',
          documents: [
            {
              fileName: '拒绝说明.pdf',
              contentType: 'application/pdf',
              contentBase64: letter.toString('base64'),
            },
          ],
        },
      }),
    ).toEqual({ status: 'failed' });
    const shown = await desk.case.get({ caseId: withDocument.legalCase.id });
    const document = shown.documents.find((x) => x.fileName === '拒绝说明.pdf');
    expect(document).toMatchObject({ contentType: 'application/pdf', sizeBytes: letter.length });
    expect(
      shown.timeline.find((e) => e.kind === 'document' && e.data.source === 'referral-outcome'),
    ).toMatchObject({ data: { fileName: '拒绝说明.pdf', referralId: withDocument.sent.id } });
    expect(shown.timeline.filter((e) => e.kind === 'referral').at(-1)).toMatchObject({
      text: '当事人拒绝调处',
      data: {
        event: 'failed',
        outcome: { code: 'declined', text: '当事人书面拒绝' },
        documents: [{ name: '拒绝说明.pdf', documentId: document?.id }],
        feedbackDue: true,
      },
    });

    // Without an outcome, as before: the reason alone.
    const plain = await referToFederation(desk, '请妇联协助');
    const plainToken = plain.sent.partnerLink?.token as string;
    await partner.partnerLink.answer({ token: plainToken, type: 'accepted' });
    expect(
      await partner.partnerLink.answer({ token: plainToken, type: 'failed', reason: '联系不上当事人' }),
    ).toEqual({ status: 'failed' });
    const [row] = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx.select().from(schema.referral).where(eq(schema.referral.id, plain.sent.id)),
    );
    expect(row).toMatchObject({ status: 'failed', reason: '联系不上当事人', outcomeCode: null });
    const after = await desk.case.get({ caseId: plain.legalCase.id });
    expect(after.timeline.filter((e) => e.kind === 'referral').at(-1)?.data).not.toHaveProperty('documents');
  });
});

describe('documents that go with a referral, within one deployment', () => {
  it('sends the chosen case documents; the inbox and the link page read them, audited', async () => {
    const desk = await signIn('desk-a');
    const legalCase = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '周先生', phone: '13612345678', idNumber: '110101199003074514' },
      serviceType: TEST_SERVICE,
      description: '调解协议申请司法确认',
      organisationId: d.organisations.stationA,
    });
    const pdf = Buffer.from('%PDF-1.7\n人民调解协议书（测试）\n%%EOF\n');
    const agreement = await desk.case.attachDocument({
      caseId: legalCase.id,
      fileName: '人民调解协议书.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    const notes = await desk.case.attachDocument({
      caseId: legalCase.id,
      fileName: '调解笔录.txt',
      contentType: 'text/plain',
      contentBase64: Buffer.from('调解笔录：双方同意').toString('base64'),
    });
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: d.organisations.court });
    const send = {
      caseId: legalCase.id,
      toOrganisationId: d.organisations.court,
      kind: 'judicial-confirmation' as const,
      summary: '申请司法确认',
    };
    // Only the case's own documents can go with it.
    const foreign = await failure(desk.referral.create({ ...send, documentIds: [randomUUID()] }));
    expect(foreign).toMatchObject({ code: 'BAD_REQUEST', message: 'referral.document_not_found' });
    const sent = await desk.referral.create({ ...send, documentIds: [String(agreement.id)] });

    const clerk = await signIn('clerk');
    const item = (await clerk.referral.inbox({})).find((r) => r.id === sent.id);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(item?.attachments).toEqual([
      {
        sha256,
        name: '人民调解协议书.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        purpose: 'request',
      },
    ]);
    const read = await clerk.referral.attachment({ referralId: sent.id, sha256 });
    expect(Buffer.from(read.contentBase64, 'base64').equals(pdf)).toBe(true);
    // The notes were not chosen: not reachable through the referral.
    const notesSha = createHash('sha256').update('调解笔录：双方同意').digest('hex');
    const other = await failure(clerk.referral.attachment({ referralId: sent.id, sha256: notesSha }));
    expect(other).toMatchObject({ code: 'NOT_FOUND', message: 'referral.attachment_not_found' });
    expect(notes.id).toBeTruthy();
    const audited = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx
        .select({ action: schema.auditEntry.action, actorName: schema.auditEntry.actorName })
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.objectType, 'referral'), eq(schema.auditEntry.objectId, sent.id))),
    );
    expect(audited).toContainEqual({ action: 'referral.attachment_read', actorName: '书记员' });

    // The partner without an account reads the same through its link.
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: federation });
    const toFederation = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: federation,
      kind: 'assistance',
      summary: '请妇联协助',
      documentIds: [String(notes.id)],
    });
    const token = toFederation.partnerLink?.token as string;
    const partner = anonymous();
    const view = await partner.partnerLink.view({ token });
    expect(view.attachments.map((a) => a.name)).toEqual(['调解笔录.txt']);
    const viaLink = await partner.partnerLink.attachment({ token, sha256: notesSha });
    expect(Buffer.from(viaLink.contentBase64, 'base64').toString()).toBe('调解笔录：双方同意');
    expect((await failure(partner.partnerLink.attachment({ token, sha256 }))).message).toBe(
      'referral.attachment_not_found',
    );
  });
});
