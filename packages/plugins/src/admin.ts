import { addPluginMessages } from '@linju/i18n';
import * as appraisal from '@linju/plugin-appraisal/admin';
import * as consultation from '@linju/plugin-consultation/admin';
import * as expertPool from '@linju/plugin-expert-pool/admin';
import * as legalAid from '@linju/plugin-legal-aid/admin';
import * as legalAssistant from '@linju/plugin-legal-assistant/admin';
import * as legalEducation from '@linju/plugin-legal-education/admin';
import * as mediation from '@linju/plugin-mediation/admin';
import * as notary from '@linju/plugin-notary/admin';
import * as referenceCases from '@linju/plugin-reference-cases/admin';
import type { AdminRoute, PluginMessages } from '@linju/plugin-sdk';
import type { AdminScreen, IntakeExtras } from '@linju/plugin-sdk/admin';
import * as xCounselling from '@linju/plugin-x-counselling/admin';
import * as xEnterpriseCheckup from '@linju/plugin-x-enterprise-checkup/admin';
import { mergePluginMessages } from './merge-plugin-messages.ts';

/** A plugin's admin side, as its `./admin` entry exports it. */
interface PluginAdmin {
  readonly pluginId: string;
  /** The manifest's `adminRoutes` (where each screen is, its label and permission), from a module of their own. */
  readonly adminRoutes: readonly AdminRoute[];
  readonly adminScreens: readonly AdminScreen[];
  readonly messages: PluginMessages;
  // biome-ignore lint/suspicious/noExplicitAny: each plugin's extras translate with its own keys
  readonly intakeExtras?: IntakeExtras<any>;
}

/**
 * The admin side of the installed plugins (their screens, where they are, intake extras and
 * messages), for the admin app, on its server and in the browser: it imports no manifest (which
 * reads migrations from disk), so no server code reaches the bundles.
 */
export const pluginAdmins: readonly PluginAdmin[] = [
  consultation,
  notary,
  mediation,
  legalAid,
  appraisal,
  legalEducation,
  xCounselling,
  xEnterpriseCheckup,
  referenceCases,
  expertPool,
  legalAssistant,
];

// The browser bundle gets the plugins' messages here; the server also from the manifests.
addPluginMessages(mergePluginMessages(pluginAdmins.map((p) => p.messages)));
