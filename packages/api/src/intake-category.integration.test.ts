import { pluginRegistry } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginHarness } from './plugin-harness.ts';
import type { AppCaller } from './router.ts';

/**
 * A case's category is chosen from its service's list (the plugin's manifest), stored as its code
 * and named from the same list: typing the category's name, or a code beside the listed one, is
 * refused. Any installed service that lists categories shows it.
 */
const listing = pluginRegistry.plugins.find((plugin) => (plugin.categories ?? []).length > 0);
if (!listing) throw new Error('no installed service lists categories');
const service: string = listing.id;
const [category] = listing.categories ?? [];
if (!category) throw new Error('the service lists no category');

const h = pluginHarness();
let desk: AppCaller;
let stationA: string;
const refusal = (e: unknown) =>
  e instanceof TRPCError ? { code: e.code, message: e.message, cause: String(e.cause) } : e;

beforeAll(async () => {
  const { district } = await h.district('category', { enable: [service] });
  stationA = district.organisations.stationA;
  desk = await h.staff(district, 'desk-a');
});
afterAll(() => h.close());

const walkIn = (chosen: string | null, serviceType = service) =>
  desk.case.create({
    channel: 'walk-in',
    resident: { name: '王阿姨', phone: '13800138555' },
    serviceType,
    category: chosen,
    description: '楼上漏水，楼下天花板霉变',
    organisationId: stationA,
  });

describe('a case’s category', () => {
  it('is one of its service’s categories, each named in both languages by the catalogue', async () => {
    const services = await desk.catalogue.installed();
    expect(services.find((s) => s.id === service)?.categories).toContainEqual(category);
    expect(category.name['zh-CN']).not.toBe('');
    expect((await walkIn(category.id)).category).toBe(category.id);
  });

  it('refuses a category the service does not list, on the category field', async () => {
    for (const typed of [`${category.id}x`, 'not-a-category']) {
      const error = await walkIn(typed).catch(refusal);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'case.category_invalid' });
    }
    // The category's name is no code at all: refused before the list is looked at.
    expect(await walkIn(category.name['zh-CN']).catch(refusal)).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a category for a matter whose service is not decided yet', async () => {
    const error = await walkIn(category.id, 'undecided').catch(refusal);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'case.category_invalid' });
  });
});
