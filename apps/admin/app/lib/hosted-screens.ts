import type { Locale } from '@linju/i18n';
import { type PluginMessages, pluginMessage } from '@linju/plugin-sdk';
import type { AdminScreen, CaseScreen, DistrictScreen, PluginTranslate } from '@linju/plugin-sdk/admin';
import { pluginAdmins } from '@linju/plugins/admin';

/** A plugin's own screen, with its plugin's id and messages. */
export type HostedScreen<TScreen extends AdminScreen> = {
  pluginId: string;
  screen: TScreen;
  messages: PluginMessages;
};

/** The screen `screenId` of `pluginId` of this kind (loaded on the server, found again in the browser). */
export function hostedScreen<TKind extends 'case' | 'district'>(
  kind: TKind,
  pluginId: string,
  screenId: string,
): HostedScreen<TKind extends 'case' ? CaseScreen<unknown> : DistrictScreen<unknown>> | undefined {
  const admin = pluginAdmins.find((p) => p.pluginId === pluginId);
  const screen = admin?.adminScreens.find((s) => s.id === screenId && s.kind === kind);
  return admin && screen ? { pluginId, screen: screen as never, messages: admin.messages } : undefined;
}

/** A plugin's messages as a screen's `t`, in the page's locale. */
export const screenTranslate =
  (messages: PluginMessages, locale: Locale): PluginTranslate<string> =>
  (key, params) =>
    pluginMessage(messages, locale, key, params);
