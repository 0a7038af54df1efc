import { connect, eq, schema, sql } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { DomainError } from '../errors.ts';
import type { OnboardTenantRequest } from '../tenants/tenant-schemas.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import { onboardTenant } from './onboard-tenant.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
afterAll(async () => {
  await app.close();
  await owner.close();
});
const by = { operatorId: null, operatorName: 'test' };

const request = (slug: string, over: Partial<OnboardTenantRequest> = {}): OnboardTenantRequest => ({
  slug,
  nameZh: '长宁区司法局',
  nameEn: 'Changning District Justice Bureau',
  divisionCode: '310105',
  services: [SECOND_TEST_SERVICE, TEST_SERVICE],
  centre: { nameZh: '长宁区公共法律服务中心', nameEn: 'Changning PLS Centre' },
  firstAdmin: { username: 'admin', displayName: '管理员', password: 'Strong-pass-123' },
  ...over,
});

const fieldsOf = (error: unknown) =>
  error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [String(error)];

describe('onboarding a district', () => {
  it('creates the tenant, its centre, the first administrator and its services at once', async () => {
    const result = await onboardTenant(app.db, request('changning'), by);
    expect(result.created).toBe(true);
    const [counts] = await owner.db.execute<Record<string, string>>(sql`
      select (select count(*) from organisation where tenant_id = ${result.tenant.id}) as organisations,
             (select count(*) from staff_member where tenant_id = ${result.tenant.id}) as staff,
             (select count(*) from service_enablement where tenant_id = ${result.tenant.id}) as services`);
    expect(counts).toEqual({ organisations: '1', staff: '1', services: '2' });
  });

  it('is idempotent: the same request again changes nothing', async () => {
    const again = await onboardTenant(app.db, request('changning'), by);
    expect(again.created).toBe(false);
  });

  it('refuses a taken slug with other details, naming the field', async () => {
    const error = await onboardTenant(app.db, request('changning', { nameZh: '别的区' }), by).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ message: 'tenant.slug_taken', field: 'slug' });
  });

  it.each([
    ['slug', { slug: 'Bad Slug' }, 'slug: tenant.slug_invalid'],
    ['division code', { divisionCode: '991234' }, 'divisionCode: tenant.division_code_invalid'],
    ['division code length', { divisionCode: '3101' }, 'divisionCode: tenant.division_code_invalid'],
    ['over-long name', { nameZh: '区'.repeat(101) }, 'nameZh: validation.too_long'],
    ['time zone', { timeZone: 'Mars/Olympus' }, 'timeZone: tenant.time_zone_invalid'],
    ['colour', { branding: { colour: 'red' } }, 'branding.colour: tenant.colour_invalid'],
  ])('refuses a bad %s with an error naming the field', async (_, over, expected) => {
    const error = await onboardTenant(
      app.db,
      request(`bad-${Math.random().toString(36).slice(2, 8)}`, over as never),
      by,
    ).catch((e) => e);
    expect(fieldsOf(error)).toContain(expected);
  });

  it('leaves nothing half-written when a later step fails', async () => {
    const error = await onboardTenant(
      app.db,
      request('half-written', { firstAdmin: { username: 'admin', displayName: 'x', password: 'weak' } }),
      by,
    ).catch((e) => e);
    expect(error).toMatchObject({ message: 'auth.password_too_weak', field: 'password' });
    const rows = await owner.db.select().from(schema.tenant).where(eq(schema.tenant.slug, 'half-written'));
    expect(rows).toEqual([]);
  });
});
