import type { PluginTranslate } from '@linju/plugin-sdk/admin';
import { Checkbox, Fieldset, TextField } from '@linju/ui';
import type { LegalAidKey } from './legal-aid-key.ts';
import { hardshipFieldName } from './read-hardship.ts';

/** The hardship declaration at intake of a legal-aid application; exempt applicants leave it empty. */
export function HardshipFields({
  t,
  values,
  error,
}: {
  t: PluginTranslate<LegalAidKey>;
  /** The service's answers as typed: the declaration is their `hardship`. */
  values: Readonly<Record<string, unknown>> | undefined;
  error: (name: string) => string | undefined;
}) {
  const declared = values?.hardship as Record<string, unknown> | undefined;
  const value = (key: string) => (declared?.[key] === undefined ? '' : String(declared[key]));
  return (
    <Fieldset legend={t('legal-aid.intake.hardship_legend')} hint={t('legal-aid.intake.hardship_hint')}>
      <TextField
        name={hardshipFieldName('householdSize')}
        inputMode="numeric"
        label={t('legal-aid.intake.household_size')}
        defaultValue={value('householdSize')}
        error={error(hardshipFieldName('householdSize'))}
      />
      <TextField
        name={hardshipFieldName('monthlyHouseholdIncome')}
        inputMode="decimal"
        label={t('legal-aid.intake.household_income')}
        defaultValue={value('monthlyHouseholdIncome')}
        error={error(hardshipFieldName('monthlyHouseholdIncome'))}
      />
      <TextField
        name={hardshipFieldName('incomeSources')}
        label={t('legal-aid.intake.income_sources')}
        defaultValue={value('incomeSources')}
        error={error(hardshipFieldName('incomeSources'))}
      />
      {error(hardshipFieldName('truthfulnessPledge')) ? (
        <p className="lj-field__error">{error(hardshipFieldName('truthfulnessPledge'))}</p>
      ) : null}
      <Checkbox
        name={hardshipFieldName('truthfulnessPledge')}
        id="hardship-pledge"
        label={t('legal-aid.intake.truthfulness_pledge')}
        defaultChecked={declared?.truthfulnessPledge === true}
      />
    </Fieldset>
  );
}
