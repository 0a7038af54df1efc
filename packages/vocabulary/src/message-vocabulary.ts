/**
 * Outbound messages (the outbox): how a message travels, where it is in its life, and what it
 * says. A message is a template key with parameters, never free text: SMS templates in China are
 * registered with the provider in advance, and the district's provider settings name the id each
 * template was registered under.
 */

/** SMS to residents and partners; robots and e-mail reach staff where a district configures them. */
export const MESSAGE_CHANNELS = ['sms', 'email', 'wecom-robot', 'dingtalk-robot'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * queued → sending → sent (→ delivered when the provider reports it) or failed. A send that
 * failed for a reason that may pass (throttled, unreachable) goes back to queued with a later
 * `nextAttemptAt`.
 */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The adapters a channel may use. `log` records instead of sending: the embedded default, so the
 * whole loop shows on one laptop's "sent messages" page.
 */
export const MESSAGE_PROVIDERS = {
  sms: ['aliyun-sms', 'tencent-sms', 'log'],
  email: ['smtp', 'log'],
  'wecom-robot': ['wecom-robot', 'log'],
  'dingtalk-robot': ['dingtalk-robot', 'log'],
} as const satisfies Record<MessageChannel, readonly string[]>;
export type MessageProviderKind = (typeof MESSAGE_PROVIDERS)[MessageChannel][number];

/**
 * What is sent, each with the parameters its text takes (in that order: Tencent Cloud's template
 * parameters are positional). The zh-CN and en text of each is `messageTemplate.<key>` in
 * `@linju/i18n`, used for e-mail and robots; SMS sends the district's registered template id.
 */
export const MESSAGE_TEMPLATES = {
  /** 受理回执: the resident hears their matter's number when it is taken in. */
  'intake-receipt': ['number'],
  /** 预约确认 / 提醒 / 取消: a resident's appointment booked, due tomorrow, cancelled. */
  'appointment-confirmation': ['service', 'time', 'place'],
  'appointment-reminder': ['service', 'time', 'place'],
  'appointment-cancelled': ['service', 'time', 'place'],
  /** 满意度评价码: sent when the case is closed; the code is a secret, sealed like the recipient. */
  'rating-code': ['number', 'code'],
  /** A partner without an account answers a referral through a one-time link (a secret too). */
  'partner-link': ['number', 'link'],
  'escalation-to-station-head': ['number', 'level'],
  'duty-reminder': ['day', 'slot', 'place'],
  'legal-aid-result': ['number', 'result'],
  /** The suggestion box's answer is ready: a notice and the link, never the answer's text by SMS. */
  'suggestion-answered': ['link'],
  /** A resident proves their phone on the public site: the one-time code (a secret, sealed). */
  'verification-code': ['code'],
  /** The handler left the resident a message on the follow page (the message itself is never texted). */
  'handler-message': ['number'],
} as const satisfies Record<string, readonly string[]>;
export type MessageTemplateKey = keyof typeof MESSAGE_TEMPLATES;
export const MESSAGE_TEMPLATE_KEYS = Object.keys(MESSAGE_TEMPLATES) as MessageTemplateKey[];

export const isMessageTemplateKey = (value: string): value is MessageTemplateKey =>
  Object.hasOwn(MESSAGE_TEMPLATES, value);
