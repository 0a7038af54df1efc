import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The subsidy ledger is the bureau's (what legal aid brings into it: the legal-aid plugin's
 * legal-aid-subsidies.integration.test.ts).
 */
const h = apiHarness();
let district: TestDistrict;
let deskA: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'subsidy-api');
  ({ api: deskA } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD));
});
afterAll(() => h.close());

describe('the subsidy ledger', () => {
  it('is the bureau’s: a desk officer can neither compute nor read it', async () => {
    expect(await deskA.subsidy.compute({ month: '2026-10' }).catch(codeOf)).toBe('FORBIDDEN auth.forbidden');
    expect(await deskA.subsidy.getLedger({ month: '2026-10' }).catch(codeOf)).toBe(
      'FORBIDDEN auth.forbidden',
    );
  });
});
