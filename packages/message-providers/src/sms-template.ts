import { MESSAGE_TEMPLATES } from '@linju/vocabulary';
import { z } from 'zod';
import type { OutgoingMessage } from './message-provider.ts';

/**
 * An SMS template as the district registered it with its provider: the template id and, for each
 * of our template's parameters in order, the provider's name for it (Alibaba Cloud names them,
 * e.g. `code`; Tencent Cloud numbers them, so the names are only documentation there).
 */
export const ZSmsTemplate = z.object({
  templateId: z.string().min(1).max(100),
  params: z.array(z.string().min(1).max(50)).max(10),
});
export type SmsTemplate = z.infer<typeof ZSmsTemplate>;

/** Settings keys `template.<our key>` hold the registrations. */
export const smsTemplateSettingKey = (key: string) => `template.${key}`;

/** The registration of the message's template, or why it cannot be sent (a permanent failure). */
export function registeredTemplate(
  settings: Record<string, unknown>,
  message: OutgoingMessage,
): { template: SmsTemplate; values: string[] } | { error: string } {
  const parsed = ZSmsTemplate.safeParse(settings[smsTemplateSettingKey(message.templateKey)]);
  if (!parsed.success) return { error: `template-not-registered: ${message.templateKey}` };
  const ours: readonly string[] = MESSAGE_TEMPLATES[message.templateKey];
  if (parsed.data.params.length !== ours.length)
    return { error: `template-params-mismatch: ${message.templateKey}` };
  return { template: parsed.data, values: ours.map((name) => message.params[name] ?? '') };
}
