import { type Locale, PARTY_KINDS, PARTY_ROLES, partyKindLabel, partyRoleLabel } from '@linju/i18n';
import { SelectField, TextField, useTranslate } from '@linju/ui';
import type { PartyField, PartyValues } from '../lib/party-form.ts';

/** What is on file for a sealed field, masked: the field may be left empty to keep it. */
export type KeptParticulars = Partial<Record<'idNumber' | 'phone' | 'address', string | null>>;

/**
 * The fields of one party (intake's rows, the case page's add and correct forms): role, kind,
 * name, a person's ID number or an organisation's credit code, phone and address. `nameOf` gives
 * each field's posted name and `idOf` its page-unique id (the error summary links to it).
 */
export function PartyFields({
  locale,
  values,
  error,
  nameOf = (field) => field,
  idOf,
  kept = {},
}: {
  locale: Locale;
  values: Partial<PartyValues>;
  error: (field: PartyField) => string | undefined;
  nameOf?: (field: PartyField) => string;
  idOf: (field: PartyField) => string;
  kept?: KeptParticulars;
}) {
  const t = useTranslate();
  const text = (field: PartyField, label: string, hint?: string, type = 'text') => (
    <TextField
      name={nameOf(field)}
      id={idOf(field)}
      type={type}
      label={label}
      hint={hint}
      defaultValue={values[field] ?? ''}
      error={error(field)}
      autoComplete="off"
    />
  );
  const keptHint = (field: keyof KeptParticulars, otherwise?: string) => {
    const masked = kept[field];
    return masked ? t('parties.kept', { masked }) : otherwise;
  };
  return (
    <>
      <SelectField
        name={nameOf('partyRole')}
        id={idOf('partyRole')}
        label={t('parties.role')}
        defaultValue={values.partyRole || 'adverse'}
        error={error('partyRole')}
      >
        {PARTY_ROLES.map((role) => (
          <option key={role} value={role}>
            {partyRoleLabel(locale, role)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name={nameOf('partyKind')}
        id={idOf('partyKind')}
        label={t('parties.kind')}
        defaultValue={values.partyKind || 'person'}
        error={error('partyKind')}
      >
        {PARTY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {partyKindLabel(locale, kind)}
          </option>
        ))}
      </SelectField>
      {text('name', t('parties.name'))}
      {text('idNumber', t('parties.id_number'), keptHint('idNumber', t('parties.identity_hint')))}
      {text('creditCode', t('parties.credit_code'))}
      {text('phone', t('parties.phone'), keptHint('phone'), 'tel')}
      {text('address', t('parties.address'), keptHint('address'))}
    </>
  );
}
