import type { Locale } from '@linju/i18n';
import { type PluginMessages, pluginMessage } from '@linju/plugin-sdk';
import type {
  AdminScreen,
  CaseScreen,
  DistrictScreen,
  PluginTranslate,
  PublicScreen,
} from '@linju/plugin-sdk/admin';
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

/** The public screen `screenId` of `pluginId`. */
export function publicScreenOf(
  pluginId: string,
  screenId: string,
): HostedScreen<PublicScreen<unknown>> | undefined {
  const admin = pluginAdmins.find((p) => p.pluginId === pluginId);
  const screen = admin?.adminScreens.find((s) => s.id === screenId && s.kind === 'public');
  return admin && screen
    ? { pluginId, screen: screen as PublicScreen<unknown>, messages: admin.messages }
    : undefined;
}

/** Every public screen of the installed plugins, with its plugin, for the routes. */
export const publicScreens = () =>
  pluginAdmins.flatMap((admin) =>
    admin.adminScreens.flatMap((screen) =>
      screen.kind === 'public' ? [{ pluginId: admin.pluginId, screen }] : [],
    ),
  );

/** The public screens the site's `page` (网上办理, 预约 or the home page) lists, as a loader returns them. */
export const publicOffers = (page: 'apply' | 'book' | 'home') =>
  publicScreens()
    .filter(({ screen }) => screen.offer && (screen.offer.on ?? 'apply') === page)
    .map(({ pluginId, screen }) => ({ pluginId, screenId: screen.id, path: screen.path }));
