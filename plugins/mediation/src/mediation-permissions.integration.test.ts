import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
const terms = ['刘海燕于2026年12月31日前修复卫生间防水层。'];

let district: TestDistrict;
let admin: AppCaller;

/** A mediation case of station A with its mediator recorded, ready for its agreement. */
async function mediationCaseOfStationA() {
  const c = await admin.case.create({
    channel: 'walk-in',
    resident: {
      name: '陈建国',
      phone: `139${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType: 'mediation',
    category: 'neighbours',
    description: '楼上漏水，楼下天花板霉变',
    organisationId: district.organisations.stationA,
    form: {
      summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果。',
      parties: [
        { name: '陈建国', role: 'applicant' },
        { name: '刘海燕', role: 'respondent' },
      ],
    },
  });
  await admin.mediation.setMediators({ caseId: c.id, mediators: [{ name: '王调解', role: 'lead' }] });
  return c;
}

beforeAll(async () => {
  ({ district, admin } = await h.district('mediation-permissions', { enable: ['mediation'], files: true }));
  return () => h.close();
});

describe('a plugin permission is held with the platform permission that carries it', () => {
  it('refuses mediation.agreement.create to a role without case.handle, which carries it', async () => {
    const c = await mediationCaseOfStationA();
    const inspector = await h.member(district, 'inspector', district.organisations.stationA, { files: true });
    expect(await failure(inspector.mediation.createAgreement({ caseId: c.id, terms }))).toBe(
      'FORBIDDEN auth.forbidden',
    );
    // case.read carries mediation.case.view: the inspector still sees the mediation record.
    expect((await inspector.mediation.get({ caseId: c.id })).agreement).toBeNull();
  });

  it('allows it to a role holding case.handle on the case’s station', async () => {
    const c = await mediationCaseOfStationA();
    const mediator = await h.member(district, 'mediator', district.organisations.stationA, { files: true });
    const agreement = await mediator.mediation.createAgreement({ caseId: c.id, terms });
    expect(agreement.terms).toEqual(terms);
  });

  it('holds it only where the carrier is held: not on another station’s case', async () => {
    const c = await mediationCaseOfStationA();
    const mediatorOfB = await h.member(district, 'mediator', district.organisations.stationB, {
      files: true,
    });
    expect(await failure(mediatorOfB.mediation.createAgreement({ caseId: c.id, terms }))).toBe(
      'NOT_FOUND case.not_found',
    );
  });
});
