import type { AppCaller } from '@linju/api';
import type { MessageKey } from '@linju/i18n';
import type { MessageChannel } from '@linju/vocabulary';
import { formText } from './form-data.ts';

/** The district's channel forms, as `message.getProviders` answers them. */
export type ChannelForms = Awaited<ReturnType<AppCaller['message']['getProviders']>>;

/** A list of the provider's parameter names as typed: commas (either width), 、 or spaces between. */
const namesOf = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

/**
 * The `message.setProvider` request an adapter's form posted: settings by their kinds, each
 * registered template (its id given) with its parameter names, the credentials typed — or, all
 * left empty, the saved ones kept. A template whose parameter count is wrong is named.
 */
export function providerRequestFrom(form: FormData, forms: ChannelForms) {
  const channel = formText(form, 'channel') as MessageChannel;
  const provider = formText(form, 'provider');
  const problems: Record<string, MessageKey> = {};
  const fields = forms.find((c) => c.channel === channel)?.adapters.find((a) => a.provider === provider);
  // An adapter the channel does not have: the API refuses it, naming it.
  if (!fields) return { request: { channel, provider }, problems };
  const settings: Record<string, string | number | boolean | { templateId: string; params: string[] }> = {};
  for (const f of fields.settings) {
    const text = formText(form, `settings.${f.name}`).trim();
    if (f.kind === 'boolean') settings[f.name] = text === 'on';
    else if (text !== '') settings[f.name] = f.kind === 'number' ? Number(text) : text;
  }
  for (const { key, params } of fields.templates) {
    const templateId = formText(form, `template.${key}.id`).trim();
    if (!templateId) continue;
    const names = namesOf(formText(form, `template.${key}.params`));
    if (names.length !== params.length)
      problems[`template.${key}.params`] = 'messageProviders.template_params_count';
    settings[`template.${key}`] = { templateId, params: names };
  }
  const credentials = Object.fromEntries(
    fields.credentials
      .map((f) => [f.name, formText(form, `credentials.${f.name}`).trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  const keepCredentials = fields.credentials.length > 0 && Object.keys(credentials).length === 0;
  return { request: { channel, provider, settings, credentials, keepCredentials }, problems };
}
