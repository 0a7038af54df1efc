import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { createReferral } from '../referrals/referral-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { changeCaseStatus, getCase, intakeCase } from './case-service.ts';
import {
  checkRatingCode,
  issueRatingCode,
  normaliseRatingCode,
  RATING_CODE_DAYS,
  rateWithCode,
  ratingCodeHash,
} from './rating-code.ts';
import { hasConsent, listCaseConsents, recordConsent, withdrawConsent } from './resident-consent.ts';
import { recordResidentFeedback, recordSatisfaction } from './resident-feedback.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const keyOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return { kind: error.kind, key: error.message, field: error.field };
};
let n = 0;

/** A case at station A taken to "resolved", ready for feedback. */
async function resolvedCase() {
  const c = await inTenant((tx) =>
    intakeCase(tx, deskA, box, {
      channel: 'walk-in',
      resident: {
        name: `钱${n}`,
        phone: `133${String(40_000_000 + n++).slice(-8)}`,
        contactPreference: 'phone',
      },
      serviceType: TEST_SERVICE,
      description: '租房押金纠纷',
      organisationId: d.organisations.stationA,
    }),
  );
  for (const status of ['in-progress', 'resolved'] as const)
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status }));
  return c;
}
const feedback = (caseId: string) =>
  inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId, summary: '电话告知调解结果' }));
const consentTo = (caseId: string, purpose: 'feedback-contact' | 'record-keeping') =>
  inTenant((tx) => recordConsent(tx, deskA, { caseId, purpose }));

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'rating');
  [deskA, deskB] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.deskA),
    actorOf(app.db, d.tenantId, d.people.deskB),
  ]);
});
afterAll(() => app.close());

describe('consent per purpose', () => {
  it('records each purpose once with its date, keeps a withdrawal on record, and puts both on the timeline', async () => {
    const c = await resolvedCase();
    const given = await inTenant((tx) =>
      recordConsent(tx, deskA, { caseId: c.id, purpose: 'record-keeping', givenOn: '2026-03-02' }),
    );
    expect(given).toMatchObject({ created: true, givenOn: '2026-03-02' });
    expect((await consentTo(c.id, 'record-keeping')).created).toBe(false);
    await consentTo(c.id, 'feedback-contact');
    await inTenant((tx) =>
      recordConsent(tx, deskA, {
        caseId: c.id,
        purpose: 'share-with-partner',
        partnerOrganisationId: d.organisations.court,
      }),
    );
    await inTenant((tx) =>
      withdrawConsent(tx, deskA, { caseId: c.id, consentId: given.id, withdrawnOn: '2026-03-05' }),
    );
    const list = await inTenant((tx) => listCaseConsents(tx, deskA, { caseId: c.id }));
    expect(list.map((x) => [x.purpose, x.withdrawnOn, x.partnerNameZh])).toEqual([
      ['record-keeping', '2026-03-05', null],
      ['feedback-contact', null, null],
      ['share-with-partner', null, '测试法院'],
    ]);
    expect(await inTenant((tx) => hasConsent(tx, c.residentId, 'record-keeping'))).toBe(false);
    expect(
      await inTenant((tx) => hasConsent(tx, c.residentId, 'share-with-partner', d.organisations.court)),
    ).toBe(true);
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.timeline.filter((e) => e.kind === 'consent')).toHaveLength(4);
    expect(
      await keyOf(inTenant((tx) => withdrawConsent(tx, deskA, { caseId: c.id, consentId: given.id }))),
    ).toMatchObject({ key: 'consent.already_withdrawn' });
  });

  it('is what referrals check: a withdrawn consent to share stops the next referral to that partner', async () => {
    const c = await resolvedCase();
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'in-progress' }));
    const shared = await inTenant((tx) =>
      recordConsent(tx, deskA, {
        caseId: c.id,
        purpose: 'share-with-partner',
        partnerOrganisationId: d.organisations.court,
      }),
    );
    await inTenant((tx) => withdrawConsent(tx, deskA, { caseId: c.id, consentId: shared.id }));
    expect(
      await keyOf(
        inTenant((tx) =>
          createReferral(
            tx,
            deskA,
            box,
            {
              caseId: c.id,
              toOrganisationId: d.organisations.court,
              kind: 'judicial-confirmation',
              summary: '申请司法确认',
            },
            { initialEffectKey: (id) => `referral:${d.tenantId}:${id}#1` },
          ),
        ),
      ),
    ).toMatchObject({ key: 'referral.consent_required' });
  });

  it('names the partner only for sharing, and a real partner at that', async () => {
    const c = await resolvedCase();
    expect(
      await keyOf(
        inTenant((tx) => recordConsent(tx, deskA, { caseId: c.id, purpose: 'share-with-partner' })),
      ),
    ).toMatchObject({ key: 'consent.partner_required', field: 'partnerOrganisationId' });
    expect(
      await keyOf(
        inTenant((tx) =>
          recordConsent(tx, deskA, {
            caseId: c.id,
            purpose: 'share-with-partner',
            partnerOrganisationId: d.organisations.stationB,
          }),
        ),
      ),
    ).toMatchObject({ key: 'consent.partner_required' });
    expect(
      await keyOf(
        inTenant((tx) =>
          recordConsent(tx, deskA, {
            caseId: c.id,
            purpose: 'feedback-contact',
            partnerOrganisationId: d.organisations.court,
          }),
        ),
      ),
    ).toMatchObject({ key: 'consent.partner_only_for_sharing' });
  });
});

describe('satisfaction by the resident with a one-time code', () => {
  it('is refused without consent to be contacted for feedback', async () => {
    const c = await resolvedCase();
    const told = await feedback(c.id);
    expect(told.ratingCode).toBeNull();
    expect(await keyOf(inTenant((tx) => issueRatingCode(tx, deskA, { caseId: c.id })))).toMatchObject({
      kind: 'conflict',
      key: 'consent.feedback_contact_missing',
    });
  });

  it('issues a readable code with the feedback, stored only as a hash, good for 30 days', async () => {
    const c = await resolvedCase();
    await consentTo(c.id, 'feedback-contact');
    const told = await feedback(c.id);
    const code = told.ratingCode?.code as string;
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{5}-[34679ACDEFGHJKMNPQRTUVWXY]{5}$/);
    const rows = await app.db.select().from(schema.ratingCode).where(eq(schema.ratingCode.caseId, c.id));
    expect(rows).toEqual([expect.objectContaining({ codeHash: ratingCodeHash(code), tenantId: d.tenantId })]);
    expect(JSON.stringify(rows)).not.toContain(normaliseRatingCode(code));
    const days = ((told.ratingCode?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(RATING_CODE_DAYS);
    const events = await inTenant((tx) =>
      tx.select().from(schema.caseEvent).where(eq(schema.caseEvent.caseId, c.id)),
    );
    expect(JSON.stringify(events)).not.toContain(normaliseRatingCode(code));
  });

  it('lets the resident rate once, as the case’s one satisfaction record, with timeline and audit entries', async () => {
    const c = await resolvedCase();
    await consentTo(c.id, 'feedback-contact');
    const code = (await feedback(c.id)).ratingCode?.code as string;
    expect(await checkRatingCode(app.db, code.toLowerCase(), '198.51.100.1')).toMatchObject({
      tenantNameZh: expect.stringContaining('测试区司法局'),
    });
    // Typed with spaces and in lower case, as a resident might.
    const typed = ` ${code.slice(0, 5).toLowerCase()} ${code.slice(6)} `;
    expect(
      await rateWithCode(app.db, { code: typed, score: 4, comment: '调解员很耐心' }, '198.51.100.1'),
    ).toEqual({
      score: 4,
    });
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.satisfaction).toEqual({ score: 4, comment: '调解员很耐心', source: 'resident-code' });
    expect(page.timeline.at(-1)).toMatchObject({
      kind: 'satisfaction',
      actorId: null,
      actorName: '当事人（评价码自评）',
      data: { score: 4, source: 'resident-code' },
    });
    const audit = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(
          and(
            eq(schema.auditEntry.objectId, c.id),
            eq(schema.auditEntry.action, 'case.satisfaction_recorded'),
          ),
        ),
    );
    expect(audit).toHaveLength(1);
    expect(await keyOf(rateWithCode(app.db, { code, score: 1 }, '198.51.100.1'))).toMatchObject({
      key: 'rating.code_used',
    });
    // Staff cannot enter a second rating over the resident's.
    expect(
      await keyOf(inTenant((tx) => recordSatisfaction(tx, deskA, { caseId: c.id, score: 5 }))),
    ).toMatchObject({ key: 'case.satisfaction_recorded' });
  });

  it('tells an expired code, a replaced code and a staff-rated case apart', async () => {
    const c = await resolvedCase();
    await consentTo(c.id, 'feedback-contact');
    const first = (await feedback(c.id)).ratingCode?.code as string;
    const second = (await inTenant((tx) => issueRatingCode(tx, deskA, { caseId: c.id }))).code;
    expect(await keyOf(rateWithCode(app.db, { code: first, score: 3 }, '198.51.100.2'))).toMatchObject({
      key: 'rating.code_expired',
    });
    const later = new Date(Date.now() + (RATING_CODE_DAYS + 1) * 86_400_000);
    expect(
      await keyOf(rateWithCode(app.db, { code: second, score: 3 }, '198.51.100.2', later)),
    ).toMatchObject({
      key: 'rating.code_expired',
    });
    await inTenant((tx) => recordSatisfaction(tx, deskA, { caseId: c.id, score: 5 }));
    expect(await keyOf(rateWithCode(app.db, { code: second, score: 3 }, '198.51.100.2'))).toMatchObject({
      key: 'rating.already_rated',
    });
  });

  it('holds back an address guessing codes', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 30; i++) {
      expect(await keyOf(rateWithCode(app.db, { code: `GUESS-${i}`, score: 5 }, ip))).toMatchObject({
        key: 'rating.code_invalid',
      });
    }
    expect(await keyOf(rateWithCode(app.db, { code: 'GUESS-X', score: 5 }, ip))).toMatchObject({
      kind: 'throttled',
      key: 'rating.too_many_attempts',
    });
  });

  it('is for the case’s own staff to issue', async () => {
    const c = await resolvedCase();
    await consentTo(c.id, 'feedback-contact');
    await feedback(c.id);
    expect(await keyOf(inTenant((tx) => issueRatingCode(tx, deskB, { caseId: c.id })))).toMatchObject({
      kind: 'not-found',
    });
  });
});
