import { sql } from 'drizzle-orm';
import type { TenantTx } from './client.ts';
import { openPostgres } from './postgres-client.ts';

/**
 * PostgreSQL's LISTEN/NOTIFY, for waking a process the moment a change commits: a notification sent
 * inside a transaction is delivered only if it commits, and never before. It is a nudge, not a
 * queue — a listener that was away misses it, so the state a notification points at is always in a
 * table that a periodic sweep also reads.
 */
export const NOTIFY_CHANNELS = {
  /**
   * A district's case changes left roll-up rows to fold in; the payload is its tenant id, sent by
   * the insert trigger of `case_rollup_pending` (migration 0070), so every writer wakes the folder.
   */
  rollups: 'linju_rollups',
  /** A district's outbox has a message to send; the payload is its tenant id. */
  outbox: 'linju_outbox',
  /**
   * A district's audit entry was written and waits to be sealed; the payload is its tenant id, sent
   * by the insert trigger of `audit_entry` (migration 0068), so every writer wakes the sealer.
   */
  audit: 'linju_audit',
} as const;

export type NotifyChannel = (typeof NOTIFY_CHANNELS)[keyof typeof NOTIFY_CHANNELS];

/** Sends `payload` on `channel` when the caller's transaction commits. */
export async function notifyOnCommit(tx: TenantTx, channel: NotifyChannel, payload: string) {
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/**
 * Listens on `channel` over a connection of its own (LISTEN holds a session: behind PgBouncer in
 * transaction mode give a direct URL). postgres.js listens again after a lost connection; what was
 * sent meanwhile is missed, which the sweep covers.
 */
export async function listenFor(
  url: string,
  channel: NotifyChannel,
  onNotify: (payload: string) => void,
): Promise<{ close: () => Promise<void> }> {
  const client = openPostgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'linju-listen' },
  });
  try {
    const listening = await client.listen(channel, onNotify);
    return {
      close: async () => {
        await listening.unlisten();
        await client.end({ timeout: 5 });
      },
    };
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
}
