import { randomBytes, randomUUID } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { addTenantDomain, removeTenantDomain } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenantHosts, TENANT_HOST_TTL_MS } from './tenant-hosts.ts';

const { db, close } = connect(inject('databaseUrl'));
const operator = { operatorId: randomUUID() };
let district: TestDistrict;
beforeAll(async () => {
  district = await createTestDistrict(db, createSecretBox(randomBytes(32)), 'tenant-hosts');
});
afterAll(() => close());

describe('the district a host belongs to', () => {
  it('follows the operator’s custom domains, each answer kept no longer than the cache’s time', async () => {
    let now = 0;
    const hosts = createTenantHosts({
      db,
      suffix: '.linju.example.gov.cn',
      publicUrl: 'https://linju.example.gov.cn',
      now: () => now,
    });
    const host = `fw.${district.slug}.example.gov.cn`;
    expect(await hosts.tenantOf(host)).toBeNull();
    await addTenantDomain(db, operator, { tenantId: district.tenantId, host });
    expect(await hosts.tenantOf(host)).toBeNull();
    now += TENANT_HOST_TTL_MS;
    expect(await hosts.tenantOf(`${host.toUpperCase()}.:443`)).toBe(district.slug);
    await removeTenantDomain(db, operator, { host });
    now += TENANT_HOST_TTL_MS;
    expect(await hosts.tenantOf(host)).toBeNull();
  });

  it('is none for the public URL’s host, an address or a host off the suffix; the suffix needs no database', async () => {
    const hosts = createTenantHosts({ db, suffix: null, publicUrl: 'https://linju.example.gov.cn' });
    for (const host of [
      'linju.example.gov.cn',
      '127.0.0.1:3000',
      '[::1]:3000',
      'localhost',
      `${district.slug}.x.cn`,
    ])
      expect(await hosts.tenantOf(host), host).toBeNull();
    const bySuffix = createTenantHosts({
      db,
      suffix: '.linju.example.gov.cn',
      publicUrl: 'https://linju.example.gov.cn',
    });
    expect(await bySuffix.tenantOf(`${district.slug}.linju.example.gov.cn`)).toBe(district.slug);
  });
});
