import { intakeExtras } from '@linju/plugin-sdk/admin';
import { HardshipFields } from './hardship-fields.tsx';
import { HARDSHIP_FIELDS, hardshipFieldName, readHardship } from './read-hardship.ts';

/**
 * The economic-hardship declaration the intake form adds for a legal-aid application: a nested
 * object the generic service form leaves out; the server validates it with the intake schema.
 */
export const hardshipIntake = intakeExtras({
  Component: HardshipFields,
  fields: HARDSHIP_FIELDS.map(hardshipFieldName),
  // A missing declaration is named at its first field.
  fieldForPath: { 'form.hardship': hardshipFieldName('householdSize') },
  toForm: (form) => {
    const hardship = readHardship(form);
    return hardship ? { hardship } : {};
  },
});
