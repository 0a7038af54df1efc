import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, withTenant } from './client.ts';
import { postgresError } from './errors.ts';
import { organisation, tenant } from './schema/index.ts';

describe('withTenant and row-level security for the application role', () => {
  const owner = connect(inject('ownerDatabaseUrl'));
  const app = connect(inject('databaseUrl'));
  const a = randomUUID();
  const b = randomUUID();

  beforeAll(async () => {
    for (const [id, slug] of [
      [a, `rls-a-${a.slice(0, 6)}`],
      [b, `rls-b-${b.slice(0, 6)}`],
    ] as const) {
      await owner.db
        .insert(tenant)
        .values({ id, slug, nameZh: '测试', nameEn: 'Test', divisionCode: '310104' });
      await owner.db.insert(organisation).values({
        tenantId: id,
        id: randomUUID(),
        path: '/x/',
        kind: 'centre',
        nameZh: `中心 ${slug}`,
        nameEn: 'Centre',
      });
    }
  });
  afterAll(async () => {
    await owner.close();
    await app.close();
  });

  it('shows a transaction only its own tenant’s rows', async () => {
    const rows = await withTenant(app.db, a, (tx) => tx.select().from(organisation));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenantId === a)).toBe(true);
  });

  it('shows nothing when no tenant is set', async () => {
    expect(await app.db.select().from(organisation)).toEqual([]);
  });

  it('refuses to write a row of another tenant', async () => {
    const error = await withTenant(app.db, a, (tx) =>
      tx
        .insert(organisation)
        .values({ tenantId: b, id: randomUUID(), path: '/y/', kind: 'centre', nameZh: '越权', nameEn: 'x' }),
    ).catch((e: unknown) => e);
    expect(postgresError(error)?.code).toBe('42501'); // insufficient_privilege: the policy's WITH CHECK
  });

  it('cannot delete audit entries, even of its own tenant', async () => {
    const error = await withTenant(app.db, a, (tx) => tx.execute('delete from audit_entry' as never)).catch(
      (e: unknown) => e,
    );
    expect(postgresError(error)?.code).toBe('42501');
  });
});

describe('the embedded PostgreSQL through its Unix socket', () => {
  it('is reached by the pool over the socket the URL names, not over TCP', async () => {
    const url = inject('databaseUrl');
    expect(new URL(url).searchParams.get('host')).toMatch(/\/postgres$/);
    const app = connect(url);
    try {
      // A client on a Unix socket has no IP address on either end.
      const [peer] = await app.db.execute<{ server: string | null }>(
        sql`select inet_server_addr() as server`,
      );
      expect(peer?.server).toBeNull();
    } finally {
      await app.close();
    }
  });
});
