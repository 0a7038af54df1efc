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
  /**
   * Optional: reaches someone who is not staff, by the contact details they gave (a partner's
   * phone, for its one-time link). Answers whether this channel took the message; a channel that
   * cannot reach that contact answers false. Same rule as `deliver`: record now, send after commit.
   */
  deliverToContact?(tx: TenantTx, message: ContactMessage): Promise<boolean>;
}

/** A message to a contact outside the staff (e.g. a partner organisation without accounts). */
export type ContactMessage = {
  tenantId: string;
  contact: { name: string; phone: string | null };
  /** An i18n message key, rendered in the contact's language (zh-CN) with `params`. */
  messageKey: string;
  params: Record<string, string | number>;
  /** A path of the admin app (e.g. `/p/<token>`) the channel prefixes with its public URL. */
  linkPath?: string;
};

/**
 * Hands a message for a contact to every registered channel that can reach contacts; answers the
 * ids of those that took it. None installed (the default: no SMS or e-mail sender ships) means
 * the caller must show it to staff to pass on.
 */
export async function notifyContact(tx: TenantTx, message: ContactMessage): Promise<string[]> {
  const took: string[] = [];
  for (const channel of channels.values()) {
    if (channel.deliverToContact && (await channel.deliverToContact(tx, message))) took.push(channel.id);
  }
  return took;
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
