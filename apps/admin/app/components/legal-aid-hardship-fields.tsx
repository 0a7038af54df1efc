import { Checkbox, Fieldset, TextField, useTranslate } from '@linju/ui';
import { hardshipFieldName } from '../lib/legal-aid-hardship.ts';

/** The hardship declaration at intake of a legal-aid application; exempt applicants leave it empty. */
export function LegalAidHardshipFields({
  values,
  error,
}: {
  values: Record<string, unknown> | undefined;
  error: (name: string) => string | undefined;
}) {
  const t = useTranslate();
  const value = (key: string) => (values?.[key] === undefined ? '' : String(values[key]));
  return (
    <Fieldset legend={t('intake.hardship_legend')} hint={t('intake.hardship_hint')}>
      <TextField
        name={hardshipFieldName('householdSize')}
        inputMode="numeric"
        label={t('intake.household_size')}
        defaultValue={value('householdSize')}
        error={error(hardshipFieldName('householdSize'))}
      />
      <TextField
        name={hardshipFieldName('monthlyHouseholdIncome')}
        inputMode="decimal"
        label={t('intake.household_income')}
        defaultValue={value('monthlyHouseholdIncome')}
        error={error(hardshipFieldName('monthlyHouseholdIncome'))}
      />
      <TextField
        name={hardshipFieldName('incomeSources')}
        label={t('intake.income_sources')}
        defaultValue={value('incomeSources')}
        error={error(hardshipFieldName('incomeSources'))}
      />
      {error(hardshipFieldName('truthfulnessPledge')) ? (
        <p className="lj-field__error">{error(hardshipFieldName('truthfulnessPledge'))}</p>
      ) : null}
      <Checkbox
        name={hardshipFieldName('truthfulnessPledge')}
        id="hardship-pledge"
        label={t('intake.truthfulness_pledge')}
        defaultChecked={values?.truthfulnessPledge === true}
      />
    </Fieldset>
  );
}
