import type { MessageChannel, MessageTemplateKey } from '@linju/vocabulary';

/** One message as an adapter sends it: opened from the outbox by the worker. */
export type OutgoingMessage = {
  /** The outbox id: sent as the provider's out-id where its API has one, to match its receipt. */
  id: string;
  channel: MessageChannel;
  templateKey: MessageTemplateKey;
  recipient: string;
  /** The template's parameters, named as in `MESSAGE_TEMPLATES`. */
  params: Record<string, string>;
  /** The template rendered in zh-CN: the body of an e-mail or a robot's text (SMS sends the template id). */
  text: string;
  /** An e-mail's subject line. */
  subject: string;
};

/**
 * How an attempt ended. `retry`: a reason that may pass (throttled, unreachable, the provider's
 * own failure) — the outbox tries again after its back-off. `failed`: it will never go through as
 * it is (a template not registered, a bad number, wrong credentials). `error` is the provider's
 * code and text, never the recipient.
 */
export type SendResult =
  | { outcome: 'sent'; providerMessageId: string | null; delivered?: boolean }
  | { outcome: 'retry' | 'failed'; error: string };

/** One way of sending, behind which each provider's API and signing hide. */
export interface MessageProvider {
  /** The adapter's name as in `MESSAGE_PROVIDERS` (`aliyun-sms`, `log`…). */
  readonly kind: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A request that never got an HTTP answer (refused, reset, timed out) may go through next time. */
export const unreachable = (error: unknown): SendResult => ({
  outcome: 'retry',
  error: `unreachable: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
});

/** Each HTTP adapter waits this long for an answer, then counts the attempt as unreachable. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** A 5xx or 429 is the provider's passing trouble; anything else unexplained is ours to fix. */
export const httpStatusOutcome = (status: number): 'retry' | 'failed' =>
  status >= 500 || status === 429 || status === 408 ? 'retry' : 'failed';
