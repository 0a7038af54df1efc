import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

// The clients' and workers' payload codec key.
const dataKeys = { current: randomBytes(32), retired: [] };

const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;
let connection: Connection;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));
const failure = (promise: Promise<unknown>) => promise.then(() => 'succeeded', codeOf);
const phone = () =>
  `136${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'consult');
  connection = await Connection.connect({ address: inject('temporalAddress') });
  const temporal = {
    client: new Client({ connection, dataConverter: linjuDataConverter(dataKeys) }),
    taskQueue: `appraisal-test-${randomUUID()}`,
    nodeId: 'linju-test',
  };
  const { sessionToken } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
  admin = h.caller({ sessionToken, temporal });
  for (const pluginId of ['consultation', 'appraisal']) {
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.centreId,
      pluginId,
      enabled: true,
    });
  }
});
afterAll(async () => {
  await connection?.close();
  await h.close();
});

const consultationCase = (organisationId: string, channel: 'walk-in' | 'hotline' | 'online') =>
  admin.case.create({
    channel: channel === 'hotline' ? 'hotline-12348' : 'walk-in',
    resident: { name: '钱女士', phone: phone() },
    serviceType: 'consultation',
    category: 'debts',
    description: '朋友借款不还',
    organisationId,
    form: {
      topic: '民间借贷',
      channel,
      question: '朋友借了五万元两年不还，没有借条只有转账记录，能否起诉？',
    },
  });

describe('the consultation log', () => {
  it('keeps each answer with its duration and gives duration statistics per channel', async () => {
    const minutes = { 'walk-in': [20, 40], hotline: [6, 9, 12] } as const;
    for (const [channel, durations] of Object.entries(minutes) as [
      keyof typeof minutes,
      readonly number[],
    ][]) {
      for (const durationMinutes of durations) {
        const c = await consultationCase(district.organisations.roomA, channel);
        await admin.consultation.createLog({
          caseId: c.id,
          channel,
          topic: '民间借贷',
          adviserName: '顾问律师',
          heldAt: '2026-11-20T02:00:00Z',
          durationMinutes,
          answer: '转账记录可以作为借贷关系的证据，建议先催告再起诉，诉讼时效三年',
          ...(durationMinutes === 40 ? { followUp: 'new-case' as const, followUpNote: '转人民调解' } : {}),
        });
      }
    }
    const stats = await admin.consultation.statistics({
      organisationId: district.organisations.stationA,
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(stats.all).toEqual({
      consultations: 5,
      totalMinutes: 87,
      averageMinutes: 17.4,
      medianMinutes: 12,
      longestMinutes: 40,
    });
    expect(stats.byChannel.hotline).toMatchObject({ consultations: 3, totalMinutes: 27, averageMinutes: 9 });
    expect(stats.byChannel.online.consultations).toBe(0);
    const elsewhere = await admin.consultation.statistics({
      organisationId: district.organisations.stationB,
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(elsewhere.all.consultations).toBe(0);
  });
});

describe('appraisal consultation', () => {
  it('records the advice and refers the case to an appraisal institution', async () => {
    const institution = await admin.organisation.create({
      kind: 'department',
      nameZh: '华东司法鉴定中心',
      nameEn: 'East China appraisal centre',
    });
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '孙先生', phone: phone() },
      serviceType: 'appraisal',
      category: 'injury-degree',
      description: '被打伤后咨询伤情鉴定',
      organisationId: district.organisations.stationA,
      form: {
        appraisalType: 'injury-degree',
        purpose: 'litigation',
        summary: '与邻居发生冲突被打伤，左臂骨折，准备起诉索赔',
      },
    });
    await admin.appraisal.advise({
      caseId: c.id,
      appraisalType: 'injury-degree',
      advice: '骨折可做损伤程度鉴定，请带好病历和影像资料',
    });
    const refer = () =>
      admin.appraisal.advise({
        caseId: c.id,
        appraisalType: 'injury-degree',
        advice: '建议委托鉴定机构进行损伤程度鉴定',
        institutionId: institution.id,
      });
    expect(await failure(refer())).toBe('BAD_REQUEST referral.consent_required');
    // The refusal names the advice's own field, so the form marks the institution chosen.
    expect(
      await refer().then(
        () => 'succeeded',
        (e: unknown) => (e instanceof TRPCError ? (e.cause as { field?: string }).field : String(e)),
      ),
    ).toBe('institutionId');
    await admin.case.recordConsent({ caseId: c.id, partnerOrganisationId: institution.id });
    const referred = await refer();
    expect(referred).toMatchObject({ appraisalNeeded: true, institutionId: institution.id });
    const advice = await admin.appraisal.getAdvice({ caseId: c.id });
    expect(advice.map((a) => a.appraisalNeeded)).toEqual([false, true]);
    const referrals = await admin.referral.getMany({ caseId: c.id });
    expect(referrals).toMatchObject([
      { id: referred.referralId, kind: 'assistance', toOrganisationId: institution.id },
    ]);
    expect(
      await failure(
        admin.appraisal.advise({
          caseId: c.id,
          appraisalType: 'injury-degree',
          advice: '法院不是鉴定机构，不能转给法院',
          institutionId: district.organisations.court,
        }),
      ),
    ).toBe('BAD_REQUEST appraisal.not_an_institution');
  });
});
