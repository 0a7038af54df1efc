import type { MessageKey } from '@linju/i18n';
import { PARTY_KINDS, PARTY_ROLES } from '@linju/vocabulary';
import { formText } from './form-data.ts';

/** A party's fields as a form posts them (the role and kind under names no other case form uses). */
export const PARTY_FIELDS = [
  'partyRole',
  'partyKind',
  'name',
  'idNumber',
  'creditCode',
  'phone',
  'address',
] as const;
export type PartyField = (typeof PARTY_FIELDS)[number];
export type PartyValues = Record<PartyField, string>;

/** Each field's visible label (error summaries name a refused field by it). */
export const PARTY_FIELD_LABELS: Readonly<Record<PartyField, MessageKey>> = {
  partyRole: 'parties.role',
  partyKind: 'parties.kind',
  name: 'parties.name',
  idNumber: 'parties.id_number',
  creditCode: 'parties.credit_code',
  phone: 'parties.phone',
  address: 'parties.address',
};

/** A row nobody has filled in yet. */
export const EMPTY_PARTY: Readonly<PartyValues> = {
  partyRole: 'adverse',
  partyKind: 'person',
  name: '',
  idNumber: '',
  creditCode: '',
  phone: '',
  address: '',
};

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The API's party from the typed values: the role and kind as chosen, empty optional fields left
 * out (on a correction that keeps what is on file). A field of the other kind goes as typed: the
 * API refuses it on its field rather than the page dropping it unseen.
 */
export function partyRequest(values: PartyValues) {
  const kind = isIn(PARTY_KINDS, values.partyKind) ? values.partyKind : 'person';
  return {
    role: isIn(PARTY_ROLES, values.partyRole) ? values.partyRole : 'adverse',
    kind,
    name: values.name,
    ...(values.idNumber ? { idNumber: values.idNumber } : {}),
    ...(values.creditCode ? { creditCode: values.creditCode } : {}),
    ...(values.phone ? { phone: values.phone } : {}),
    ...(values.address ? { address: values.address } : {}),
  };
}

/** The API's paths of a party mapped to the form's names. */
export const PARTY_PATHS: Readonly<Record<string, PartyField>> = { role: 'partyRole', kind: 'partyKind' };

/** The most other parties intake takes (the API's limit); more go on the case page. */
const MAX_INTAKE_PARTIES = 20;

/**
 * The intake form's party rows (`parties.<n>.<field>`), each row the form had, filled or not, so
 * the page comes back with the same rows.
 */
export function readPartyRows(form: FormData): PartyValues[] {
  const rows: PartyValues[] = [];
  for (let n = 0; n < MAX_INTAKE_PARTIES && form.has(`parties.${n}.name`); n++) {
    rows.push(
      Object.fromEntries(
        PARTY_FIELDS.map((field) => [field, formText(form, `parties.${n}.${field}`).trim()]),
      ) as PartyValues,
    );
  }
  return rows;
}

/**
 * The rows to record (a row without a name is an unused one) with the API's paths of each
 * (`parties.0.idNumber`) mapped to the form's row (`parties.2.idNumber`).
 */
export function intakeParties(rows: readonly PartyValues[]) {
  const sent = rows.flatMap((row, n) => (row.name ? [{ row, n }] : []));
  const fieldForPath: Record<string, string> = {};
  sent.forEach(({ n }, k) => {
    for (const field of PARTY_FIELDS) {
      const apiField = Object.entries(PARTY_PATHS).find(([, formField]) => formField === field)?.[0] ?? field;
      fieldForPath[`parties.${k}.${apiField}`] = `parties.${n}.${field}`;
    }
  });
  return { parties: sent.map(({ row }) => partyRequest(row)), fieldForPath };
}

/** The form's names of every field of these rows, where the API's refusals may show. */
export const partyRowFields = (rows: readonly PartyValues[]) =>
  rows.flatMap((_, n) => PARTY_FIELDS.map((field) => `parties.${n}.${field}`));
