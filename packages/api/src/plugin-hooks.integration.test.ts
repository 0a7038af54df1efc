import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';
import type { Logger } from './trpc.ts';

/** The plugins' own hooks are specified in their folders; here, what the platform does for none. */
const h = apiHarness();
let district: TestDistrict;
let desk: AppCaller;

const lines: { message: string | undefined; fields: Record<string, unknown> }[] = [];
const record = (fields: object, message?: string) =>
  lines.push({ message, fields: fields as Record<string, unknown> });
const log: Logger = { info: record, warn: record, error: record };

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'plugin-hooks');
  const { sessionToken } = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
  desk = h.caller({ sessionToken, log });
});
afterAll(() => h.close());

describe('onCaseCreated', () => {
  it('is called for no case of a service no plugin provides', async () => {
    await desk.case.create({
      channel: 'walk-in',
      resident: { name: '孙强', phone: '13912345678' },
      serviceType: TEST_SERVICE,
      description: '楼上漏水',
      organisationId: district.organisations.centreId,
    });
    expect(lines.filter((line) => line.fields.plugin !== undefined)).toEqual([]);
  });
});
