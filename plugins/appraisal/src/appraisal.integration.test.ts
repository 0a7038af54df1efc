import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pluginHarness,
  refusedField,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
const phone = () =>
  `136${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

// Referring to an institution starts the referral's workflow on a queue no worker polls: it waits.
beforeAll(async () => {
  ({ district, admin } = await h.district('appraisal', { enable: ['appraisal'], temporal: true }));
});
afterAll(() => h.close());

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
    expect(await refer().then(() => 'succeeded', refusedField)).toBe('institutionId');
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
