import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppCaller, failure, pluginHarness, type TestDistrict } from './plugin-harness.ts';

/** Asking online from the district's public site (`application.*`), as the admin app's pages call it. */
const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

const question = (over: Record<string, string> = {}) =>
  ({
    kind: 'question',
    name: '周女士',
    organisationId: district.organisations.stationB,
    topic: 'labour',
    question: `公司拖欠三个月工资，不签劳动合同 ${Math.random()}`,
    ...over,
  }) as const;

beforeAll(async () => {
  ({ district, admin } = await h.district('application'));
});
afterAll(() => h.close());

describe('application.submit', () => {
  it('takes the question in online for the proved phone, in the queue of the place chosen', async () => {
    const resident = await h.resident(district, '13712340001', { ip: '10.9.0.1' });
    const sent = await resident.application.submit(question());
    const c = await admin.case.get({ caseId: sent.caseId });
    expect(c).toMatchObject({
      channel: 'online',
      number: sent.number,
      currentOrganisationId: district.organisations.stationB,
    });
    expect(c.resident.phoneMasked).toBe('137****0001');
  });

  it('needs a proved phone', async () => {
    expect(await failure(h.visitor(district).application.submit(question()))).toBe(
      'UNAUTHORIZED resident.not_verified',
    );
  });

  it('takes five submissions of a phone in a quarter hour, then refuses the sixth', async () => {
    const resident = await h.resident(district, '13712340002', { ip: '10.9.0.2' });
    for (let i = 0; i < 5; i++) await resident.application.submit(question());
    expect(await failure(resident.application.submit(question()))).toBe('TOO_MANY_REQUESTS auth.throttled');
  });
});
