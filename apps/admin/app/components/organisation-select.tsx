import { organisationKindLabel } from '@linju/i18n';
import { SelectField, useLocale, useTranslate } from '@linju/ui';
import type { OrganisationOption } from '../lib/organisation-rules.ts';

export interface OrganisationSelectProps {
  label: string;
  name: string;
  id?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  /** Network units and partners, in tree order (see `organisationOptions`). */
  options: { network: readonly OrganisationOption[]; partners: readonly OrganisationOption[] };
  defaultValue?: string | undefined;
  /** The text of an empty first choice ("Choose…"); without it the first unit is preselected. */
  placeholder?: string | undefined;
  required?: boolean;
}

/**
 * A native select of organisations, indented by depth so the tree reads in the list, with the
 * district's own network and its partners in separate groups. Native, so it works without
 * JavaScript and with every screen reader and phone.
 */
export function OrganisationSelect({
  options,
  placeholder,
  defaultValue,
  label,
  name,
  id,
  hint,
  error,
  required,
}: OrganisationSelectProps) {
  const t = useTranslate();
  const locale = useLocale();
  const option = ({ id: value, kind, depth, name: text }: OrganisationOption) => (
    <option key={value} value={value}>
      {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${text} (${organisationKindLabel(locale, kind)})`}
    </option>
  );
  return (
    <SelectField
      label={label}
      name={name}
      id={id}
      hint={hint}
      error={error}
      defaultValue={defaultValue ?? ''}
      required={required}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.network.length > 0 ? (
        <optgroup label={t('organisations.network_heading')}>{options.network.map(option)}</optgroup>
      ) : null}
      {options.partners.length > 0 ? (
        <optgroup label={t('organisations.partners_heading')}>{options.partners.map(option)}</optgroup>
      ) : null}
    </SelectField>
  );
}
