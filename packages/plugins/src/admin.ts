import { addPluginMessages } from '@linju/i18n';
import * as appraisal from '@linju/plugin-appraisal/admin';
import * as consultation from '@linju/plugin-consultation/admin';
import * as legalEducation from '@linju/plugin-legal-education/admin';
import * as notary from '@linju/plugin-notary/admin';
import type { AdminScreen, IntakeExtras } from '@linju/plugin-sdk/admin';
import * as xCounselling from '@linju/plugin-x-counselling/admin';
import { mergePluginMessages } from './merge-plugin-messages.ts';

/** A plugin's admin side, as its `./admin` entry exports it. */
interface PluginAdmin {
  readonly pluginId: string;
  readonly adminScreens: readonly AdminScreen[];
  readonly messages: import('@linju/plugin-sdk').PluginMessages;
  readonly intakeExtras?: IntakeExtras;
}

/**
 * The admin side of the installed plugins (their screens, intake extras and messages), for the
 * admin app, in the browser too: it imports no manifest, so no server code reaches the bundle.
 */
export const pluginAdmins: readonly PluginAdmin[] = [
  consultation,
  notary,
  appraisal,
  legalEducation,
  xCounselling,
];

// The browser bundle gets the plugins' messages here; the server also from the manifests.
addPluginMessages(mergePluginMessages(pluginAdmins.map((p) => p.messages)));
