import { plugin as appraisal } from '@linju/plugin-appraisal';
import { plugin as consultation } from '@linju/plugin-consultation';
import { plugin as expertPool } from '@linju/plugin-expert-pool';
import { plugin as legalAid } from '@linju/plugin-legal-aid';
import { plugin as legalAssistant } from '@linju/plugin-legal-assistant';
import { plugin as legalEducation } from '@linju/plugin-legal-education';
import { plugin as mediation } from '@linju/plugin-mediation';
import { plugin as notary } from '@linju/plugin-notary';
import { plugin as referenceCases } from '@linju/plugin-reference-cases';
import { plugin as xCounselling } from '@linju/plugin-x-counselling';
import { plugin as xEnterpriseCheckup } from '@linju/plugin-x-enterprise-checkup';

/**
 * Every plugin this deployment ships, listed explicitly (no directory scanning), in the order the
 * catalogue shows them. `linju plugin new` adds a line here.
 */
export const installedPlugins = [
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
] as const;
