import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect, withTenant } from './client.ts';
import { isDatabaseTimeout } from './errors.ts';
import { PoolBusyError, SecondConnectionError } from './pool-guard.ts';
import { tenant } from './schema/index.ts';

/** drizzle wraps what the driver throws ("Failed query: …"); the guard's error is the cause. */
const rootCause = (error: unknown): unknown =>
  error instanceof Error && error.cause ? rootCause(error.cause) : error;

describe('the pool guard: nothing waits on its own pool inside a transaction', () => {
  const app = connect(inject('databaseUrl'), { max: 2 });
  const other = connect(inject('databaseUrl'), { max: 1 });
  const tenantId = randomUUID();
  afterAll(async () => {
    await app.close();
    await other.close();
  });

  it('refuses a query, a transaction or a raw statement on the same pool inside a transaction', async () => {
    const attempts: (() => Promise<unknown>)[] = [
      () => app.db.select().from(tenant),
      () => withTenant(app.db, tenantId, (tx) => tx.select().from(tenant)),
      () => app.db.execute(sql`select 1`),
    ];
    for (const attempt of attempts) {
      const error = await withTenant(app.db, tenantId, () => attempt()).catch((e: unknown) => e);
      expect(rootCause(error)).toBeInstanceOf(SecondConnectionError);
    }
  });

  it('fails fast instead of deadlocking when every connection is held by such a transaction', async () => {
    // Four at once on a pool of two: on an unguarded pool these never finish.
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        withTenant(app.db, tenantId, async (tx) => {
          await tx.execute(sql`select 1`);
          return app.db.select().from(tenant);
        }),
      ),
    );
    expect(
      results.map((r) => r.status === 'rejected' && rootCause(r.reason) instanceof SecondConnectionError),
    ).toEqual([true, true, true, true]);
    expect(await app.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('allows the transaction itself, nested savepoints, another pool, and the pool once it ended', async () => {
    let committed = () => {};
    const afterCommit = new Promise<void>((r) => (committed = r));
    let later: Promise<unknown> = Promise.resolve();
    await withTenant(app.db, tenantId, async (tx) => {
      await tx.select().from(tenant);
      await withTenant(tx, tenantId, (inner) => inner.select().from(tenant));
      await other.db.select().from(tenant);
      // Started inside, run after: a task handed on beyond the transaction may use the pool.
      later = afterCommit.then(() => app.db.select().from(tenant));
    });
    committed();
    await expect(later).resolves.toBeDefined();
  });

  it('gives up waiting for a connection with PoolBusyError, and the pool recovers', async () => {
    const single = connect(inject('databaseUrl'), { max: 1, deadlines: { acquireMs: 1000 } });
    try {
      let release = () => {};
      let entered = () => {};
      const holds = new Promise<void>((r) => (entered = r));
      const holding = withTenant(single.db, tenantId, () => {
        entered();
        return new Promise<void>((r) => (release = r));
      });
      await holds;
      expect(single.pool).toEqual({ max: 1, active: 1, waiting: 0, busy: 0 });
      const waiting = await withTenant(single.db, tenantId, (tx) => tx.select().from(tenant)).catch(
        (e: unknown) => e,
      );
      expect(waiting).toBeInstanceOf(PoolBusyError);
      // What /metrics shows: the refusal counted, nothing left waiting.
      expect(single.pool).toEqual({ max: 1, active: 1, waiting: 0, busy: 1 });
      expect(isDatabaseTimeout(waiting)).toBe(true);
      const query = await single.db
        .select()
        .from(tenant)
        .catch((e: unknown) => e);
      expect(isDatabaseTimeout(query)).toBe(true);
      release();
      await holding;
      expect(single.pool).toMatchObject({ active: 0, waiting: 0 });
      expect(await single.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      await single.close();
    }
  });

  it('sets a statement deadline and an idle-in-transaction deadline on every connection', async () => {
    const [settings] = await app.db.execute<{ statement: string; idle: string }>(
      sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(settings).toEqual({ statement: '30s', idle: '1min' });
  });
});
