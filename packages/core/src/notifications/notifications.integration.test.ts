import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import {
  type NotificationChannel,
  registerNotificationChannel,
  type SentNotification,
  unregisterNotificationChannel,
} from './notification-channel.ts';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  notify,
} from './notification-service.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let deskA: Actor;
let headA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const tell = (recipientIds: string[], over: Partial<Parameters<typeof notify>[1]> = {}) =>
  inTenant((tx) =>
    notify(tx, {
      tenantId: d.tenantId,
      recipientIds,
      kind: 'case.overdue',
      messageKey: 'notification.case_overdue',
      params: { number: 'TN-2026-000001' },
      ...over,
    }),
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'notify');
  other = await createTestDistrict(app.db, box, 'notify-other');
  [deskA, headA] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.deskA),
    actorOf(app.db, d.tenantId, d.people.headA),
  ]);
});
afterAll(() => app.close());

describe('notify', () => {
  it('writes one in-app notification per recipient, told once', async () => {
    const sent = await tell([d.people.deskA, d.people.headA, d.people.deskA]);
    expect(sent.map((s) => s.recipientId).sort()).toEqual([d.people.deskA, d.people.headA].sort());
    const list = await inTenant((tx) => listNotifications(tx, headA));
    expect(list.items[0]).toMatchObject({
      kind: 'case.overdue',
      messageKey: 'notification.case_overdue',
      params: { number: 'TN-2026-000001' },
      readAt: null,
    });
  });

  it('tells nobody twice under the same dedupe key', async () => {
    const first = await tell([d.people.deskB], { dedupeKey: 'escalation:x:overdue' });
    const again = await tell([d.people.deskB], { dedupeKey: 'escalation:x:overdue' });
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
  });

  it('rolls back with the change it reports', async () => {
    const before = await inTenant((tx) => countUnreadNotifications(tx, deskA));
    await expect(
      inTenant(async (tx) => {
        await notify(tx, {
          tenantId: d.tenantId,
          recipientIds: [d.people.deskA],
          kind: 'case.overdue',
          messageKey: 'notification.case_overdue',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await inTenant((tx) => countUnreadNotifications(tx, deskA))).toBe(before);
  });

  it('hands every notification to registered channels inside the transaction', async () => {
    const seen: SentNotification[] = [];
    const sms: NotificationChannel = {
      id: 'test-sms',
      deliver: async (_tx, n) => {
        seen.push(n);
      },
    };
    registerNotificationChannel(sms);
    try {
      expect(() => registerNotificationChannel(sms)).toThrow(/already registered/);
      await tell([d.people.desk], { kind: 'case.due-soon', messageKey: 'notification.case_due_soon' });
    } finally {
      unregisterNotificationChannel('test-sms');
    }
    expect(seen).toEqual([expect.objectContaining({ recipientId: d.people.desk, kind: 'case.due-soon' })]);
  });
});

describe('the inbox', () => {
  it('shows people their own notifications only, newest first, page by page', async () => {
    for (let i = 0; i < 3; i++) await tell([d.people.withPhone], { params: { number: `N-${i}` } });
    const lawyer = await actorOf(app.db, d.tenantId, d.people.withPhone);
    const first = await inTenant((tx) => listNotifications(tx, lawyer, { limit: 2 }));
    expect(first.items.map((n) => n.params.number)).toEqual(['N-2', 'N-1']);
    const second = await inTenant((tx) =>
      listNotifications(tx, lawyer, { limit: 2, cursor: first.nextCursor }),
    );
    expect(second.items.map((n) => n.params.number)).toEqual(['N-0']);
    expect(second.nextCursor).toBeNull();
  });

  it('marks read only the reader’s own notifications, and counts the unread', async () => {
    const [mine] = await tell([d.people.deskA]);
    const [theirs] = await tell([d.people.headA]);
    if (!mine || !theirs) throw new Error('expected notifications');
    const unread = await inTenant((tx) => countUnreadNotifications(tx, deskA));
    expect(unread).toBeGreaterThan(0);
    const result = await inTenant((tx) => markNotificationsRead(tx, deskA, { ids: [mine.id, theirs.id] }));
    expect(result.marked).toBe(1);
    expect(await inTenant((tx) => countUnreadNotifications(tx, deskA))).toBe(unread - 1);
    const headList = await inTenant((tx) => listNotifications(tx, headA, { unreadOnly: true }));
    expect(headList.items.map((n) => n.id)).toContain(theirs.id);
    await inTenant((tx) => markNotificationsRead(tx, deskA, { all: true }));
    expect(await inTenant((tx) => countUnreadNotifications(tx, deskA))).toBe(0);
  });

  it('keeps districts apart', async () => {
    const otherAdmin = await actorOf(app.db, other.tenantId, other.people.deskA);
    const list = await withTenant(app.db, other.tenantId, (tx) => listNotifications(tx, otherAdmin));
    expect(list.items).toEqual([]);
  });
});
