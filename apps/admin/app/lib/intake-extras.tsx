import type { PluginMessages } from '@linju/plugin-sdk';
import type { IntakeExtras } from '@linju/plugin-sdk/admin';
import { pluginAdmins } from '@linju/plugins/admin';
import { LegalAidHardshipFields } from '../components/legal-aid-hardship-fields.tsx';
import { HARDSHIP_FIELDS, hardshipFieldName, readHardship } from './legal-aid-hardship.ts';

/**
 * Legal aid's hardship declaration, until its screens move into its plugin (the legal-aid mover
 * takes this there as the plugin's `intakeExtras` and removes it here).
 */
const legalAidHardship: IntakeExtras = {
  Component: ({ values, error }) => (
    <LegalAidHardshipFields values={values?.hardship as Record<string, unknown> | undefined} error={error} />
  ),
  fields: HARDSHIP_FIELDS.map(hardshipFieldName),
  // A missing declaration is named at its first field.
  fieldForPath: { 'form.hardship': hardshipFieldName('householdSize') },
  toForm(form) {
    const hardship = readHardship(form);
    return hardship ? { hardship } : {};
  },
};

const NOT_YET_IN_THEIR_PLUGIN: Readonly<Record<string, IntakeExtras>> = { 'legal-aid': legalAidHardship };

const NO_MESSAGES: PluginMessages = { pluginId: '', 'zh-CN': {}, en: {} };

/** The fields a service's plugin adds to the intake form, with its messages, if it adds any. */
export function intakeExtrasOf(serviceType: string | undefined) {
  if (!serviceType) return undefined;
  const admin = pluginAdmins.find((p) => p.pluginId === serviceType);
  const extras = admin?.intakeExtras ?? NOT_YET_IN_THEIR_PLUGIN[serviceType];
  return extras ? { extras, messages: admin?.messages ?? NO_MESSAGES } : undefined;
}
