import type { TenantTx } from '@linju/db';

/** A notification as it was written, handed to every registered channel. */
export type SentNotification = {
  id: string;
  tenantId: string;
  recipientId: string;
  kind: string;
  caseId: string | null;
  referralId: string | null;
  messageKey: string;
  params: Record<string, string | number>;
};

/**
 * A way of reaching staff besides the in-app inbox (SMS, WeChat work messages…). The in-app
 * channel is built in: it is the `notification` row itself. Other channels are called inside the
 * sender's transaction, so they must not send there and then: a channel records what to send
 * (an outbox row, a workflow start) and sends after commit, or a rolled-back change would still
 * have texted someone.
 */
export interface NotificationChannel {
  /** e.g. `sms`, `wechat-work`; unique among registered channels. */
  readonly id: string;
  deliver(tx: TenantTx, notification: SentNotification): Promise<void>;
}

const channels = new Map<string, NotificationChannel>();

/** Adds a channel at start-up (the server's and the worker's composition roots). */
export function registerNotificationChannel(channel: NotificationChannel): void {
  if (channels.has(channel.id)) {
    throw new Error(`registerNotificationChannel: a channel with id '${channel.id}' is already registered`);
  }
  channels.set(channel.id, channel);
}

/** Removes a channel (tests, or a deployment switching a sender off). */
export function unregisterNotificationChannel(id: string): void {
  channels.delete(id);
}

export const notificationChannels = (): readonly NotificationChannel[] => [...channels.values()];
