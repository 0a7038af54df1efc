import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { MessageProvider, OutgoingMessage, SendResult } from './message-provider.ts';

export const ZSmtpSettings = z.looseObject({
  host: z.string().min(1).max(200),
  port: z.number().int().min(1).max(65_535).default(465),
  /** Implicit TLS (465); otherwise STARTTLS is required when the server offers it. */
  secure: z.boolean().default(true),
  from: z.string().min(3).max(200),
});
export const ZSmtpCredentials = z.object({ user: z.string().optional(), password: z.string().optional() });

/** SMTP reply codes 4xx are "try again later" by the protocol's own definition; 5xx are final. */
const replyOutcome = (code: number | undefined) => (code !== undefined && code >= 500 ? 'failed' : 'retry');

/**
 * E-mail over SMTP with nodemailer (the maintained, dependency-free SMTP client: TLS, STARTTLS,
 * AUTH and RFC 5322 encoding of Chinese subjects are not ours to re-implement). The outbox id is
 * the `Message-ID`'s left part, so the message is findable in the mail server's logs.
 */
export function createSmtpEmail(
  settings: z.input<typeof ZSmtpSettings>,
  credentials: z.input<typeof ZSmtpCredentials>,
): MessageProvider {
  const s = ZSmtpSettings.parse(settings);
  const c = ZSmtpCredentials.parse(credentials);
  const transport = createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: !s.secure && s.host !== '127.0.0.1' && s.host !== 'localhost',
    ...(c.user ? { auth: { user: c.user, pass: c.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: 'smtp',
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: s.from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.id}@linju>`,
        });
        return { outcome: 'sent', providerMessageId: info.messageId ?? null };
      } catch (error) {
        const e = error as { responseCode?: number; code?: string; message?: string };
        return {
          outcome: replyOutcome(e.responseCode),
          error: `${e.responseCode ?? e.code ?? 'smtp'}: ${e.message ?? ''}`.slice(0, 300),
        };
      }
    },
  };
}
