import { randomUUID } from 'node:crypto';
import { connect, type NotifyChannel, sql } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { passPerNotifiedTenant } from './tenant-passes.ts';

/**
 * A district's commits notify it on a real PostgreSQL channel; the passes they wake are counted.
 * Gathering is timed by the real clock: a burst sent in one round trip arrives well within it.
 */
const url = inject('databaseUrl');
const app = connect(url);
/** A channel of its own: the files running beside this one notify the real ones as they commit. */
const channel = 'linju_test_passes' as NotifyChannel;
const notify = (tenantId: string) => app.db.execute(sql`select pg_notify(${channel}, ${tenantId})`);

afterAll(() => app.close());

describe('passes per notified district', () => {
  it('gathers a burst of commits into one pass, a district at a time', async () => {
    const passes: string[] = [];
    const listening = await passPerNotifiedTenant(url, channel, async (id) => void passes.push(id), {
      gatherMs: 250,
    });
    try {
      const [busy, quiet] = [randomUUID(), randomUUID()];
      // Ten commits (each statement its own transaction), pipelined.
      await Promise.all(Array.from({ length: 10 }, () => notify(busy)));
      await expect.poll(() => passes).toEqual([busy]);
      // A later district's pass comes after whatever the burst could still have woken.
      await notify(quiet);
      await expect.poll(() => passes).toEqual([busy, quiet]);
    } finally {
      await listening.close();
    }
  });

  it('without gathering, runs a pass at each notice', async () => {
    const passes: string[] = [];
    const listening = await passPerNotifiedTenant(url, channel, async (id) => void passes.push(id));
    try {
      const district = randomUUID();
      await notify(district);
      await expect.poll(() => passes).toEqual([district]);
      await notify(district);
      await expect.poll(() => passes).toEqual([district, district]);
    } finally {
      await listening.close();
    }
  });
});
