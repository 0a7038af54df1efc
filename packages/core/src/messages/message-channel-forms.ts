import { type ProviderField, providerFields } from '@linju/message-providers';
import {
  MESSAGE_CHANNELS,
  MESSAGE_PROVIDERS,
  MESSAGE_TEMPLATES,
  type MessageChannel,
  type MessageProviderKind,
} from '@linju/vocabulary';

type Configured = { channel: MessageChannel; provider: string; settings: Record<string, unknown> };

/** An SMS template's registration as the form shows it: the id and the provider's parameter names. */
export type TemplateRow = {
  key: string;
  params: readonly string[];
  templateId: string;
  providerParams: string;
};

/**
 * Each channel's settings form, read off the adapters' schemas: the adapter in use and, for each
 * adapter the channel may use, its fields with the saved values (never a credential: only whether
 * one is saved). The settings page draws its forms from this.
 */
export function messageChannelForms(configured: readonly Configured[]) {
  return MESSAGE_CHANNELS.map((channel) => {
    const current = configured.find((c) => c.channel === channel) ?? null;
    return {
      channel,
      current: current?.provider ?? null,
      adapters: MESSAGE_PROVIDERS[channel].map((provider: MessageProviderKind) => {
        const fields = providerFields(provider);
        const saved = current?.provider === provider ? current.settings : {};
        return {
          provider,
          settings: fields.settings.map((f) => ({ ...f, value: savedValue(saved[f.name], f) })),
          credentials: fields.credentials,
          credentialsSaved: current?.provider === provider,
          templates: fields.templates ? templateRows(saved) : [],
        };
      }),
    };
  });
}

const savedValue = (saved: unknown, field: ProviderField) =>
  saved === undefined ? (field.defaultValue ?? '') : (saved as string | number | boolean);

function templateRows(saved: Record<string, unknown>): TemplateRow[] {
  return Object.entries(MESSAGE_TEMPLATES).map(([key, params]) => {
    const registered = saved[`template.${key}`] as { templateId: string; params: string[] } | undefined;
    return {
      key,
      params,
      templateId: registered?.templateId ?? '',
      providerParams: registered?.params.join(', ') ?? '',
    };
  });
}
