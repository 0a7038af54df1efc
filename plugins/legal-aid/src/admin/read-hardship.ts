/**
 * The economic-hardship declaration of a legal-aid application (经济困难状况说明). The plugin keeps
 * it as a nested object, which the generic service form leaves out, so the intake page asks for
 * it itself; the server validates it with the plugin's own schema.
 */
export const HARDSHIP_FIELDS = [
  'householdSize',
  'monthlyHouseholdIncome',
  'incomeSources',
  'truthfulnessPledge',
] as const;
export type HardshipField = (typeof HARDSHIP_FIELDS)[number];

/** Posted as `form.hardship.<key>`, the API's own path, so its errors land on the field. */
export const hardshipFieldName = (key: HardshipField) => `form.hardship.${key}`;

const number = (text: string) => {
  const plain = text.replace(/[\s,，]/g, '');
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
};

/** The declaration as posted, or `undefined` when every part was left empty (an exempt applicant). */
export function readHardship(form: FormData): Record<string, unknown> | undefined {
  const text = (key: HardshipField) => {
    const value = form.get(hardshipFieldName(key));
    return typeof value === 'string' ? value.trim() : '';
  };
  const size = text('householdSize');
  const income = text('monthlyHouseholdIncome');
  const sources = text('incomeSources');
  const pledged = form.get(hardshipFieldName('truthfulnessPledge')) === 'on';
  if (!size && !income && !sources && !pledged) return undefined;
  return {
    ...(size ? { householdSize: number(size) } : {}),
    ...(income ? { monthlyHouseholdIncome: number(income) } : {}),
    ...(sources ? { incomeSources: sources } : {}),
    ...(pledged ? { truthfulnessPledge: true } : {}),
  };
}
