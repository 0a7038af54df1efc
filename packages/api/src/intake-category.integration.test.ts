import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * A case's category is chosen from its service's list (the plugin's manifest), stored as its code
 * and named from the same list: typing 邻里纠纷, or `neighbour` beside `neighbours`, is refused.
 */
const h = apiHarness();
let district: TestDistrict;
let desk: AppCaller;
const refusal = (e: unknown) =>
  e instanceof TRPCError ? { code: e.code, message: e.message, cause: String(e.cause) } : e;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'category');
  ({ api: desk } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD));
});
afterAll(() => h.close());

const walkIn = (category: string | null, serviceType = 'mediation') =>
  desk.case.create({
    channel: 'walk-in',
    resident: { name: '王阿姨', phone: '13800138555' },
    serviceType,
    category,
    description: '楼上漏水，楼下天花板霉变',
    organisationId: district.organisations.stationA,
  });

describe('a case’s category', () => {
  it('is one of its service’s categories, each named in both languages by the catalogue', async () => {
    const services = await desk.catalogue.installed();
    const mediation = services.find((s) => s.id === 'mediation');
    expect(mediation?.categories).toContainEqual({
      id: 'neighbours',
      name: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
    });
    expect((await walkIn('neighbours')).category).toBe('neighbours');
  });

  it('refuses a category the service does not list, on the category field', async () => {
    for (const typed of ['neighbour', 'debt-collection']) {
      const error = await walkIn(typed).catch(refusal);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'case.category_invalid' });
    }
  });

  it('refuses a category for a matter whose service is not decided yet', async () => {
    const error = await walkIn('neighbours', 'undecided').catch(refusal);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'case.category_invalid' });
  });
});
