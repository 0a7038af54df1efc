import type { MessageKey } from '@linju/i18n';
import { formText, optionalText, parseCoordinate } from './form-data.ts';

/** The details of a unit a person may edit, in the order the form shows them. */
export const DETAIL_FIELDS = [
  'nameZh',
  'nameEn',
  'address',
  'openingHours',
  'phone',
  'latitude',
  'longitude',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** What `organisation.create` and `organisation.update` take as details. */
export interface OrganisationDetails {
  nameZh: string;
  nameEn: string;
  address: string | null;
  openingHours: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Reads the details form: trimmed text, empty optional fields as `null` (which clears them), and
 * coordinates as numbers. Problems the API would only describe vaguely (a coordinate that is not a
 * number) are reported here, per field; the rest is left to the API.
 */
export function detailsFromForm(form: FormData): {
  details: OrganisationDetails;
  values: Record<DetailField, string>;
  errors: Partial<Record<DetailField, MessageKey>>;
} {
  const values = Object.fromEntries(
    DETAIL_FIELDS.map((name) => [name, formText(form, name).trim()]),
  ) as Record<DetailField, string>;
  const latitude = parseCoordinate(values.latitude, 90);
  const longitude = parseCoordinate(values.longitude, 180);
  const errors: Partial<Record<DetailField, MessageKey>> = {};
  if (!values.nameZh) errors.nameZh = 'validation.required';
  if (!values.nameEn) errors.nameEn = 'validation.required';
  if (latitude === undefined) errors.latitude = 'organisation.coordinates_invalid';
  if (longitude === undefined) errors.longitude = 'organisation.coordinates_invalid';
  // One coordinate without the other places nothing on a map.
  if (latitude !== undefined && longitude !== undefined && (latitude === null) !== (longitude === null)) {
    errors[latitude === null ? 'latitude' : 'longitude'] = 'organisation.coordinates_incomplete';
  }
  return {
    details: {
      nameZh: values.nameZh,
      nameEn: values.nameEn,
      address: optionalText(form, 'address'),
      openingHours: optionalText(form, 'openingHours'),
      phone: optionalText(form, 'phone'),
      latitude: latitude ?? null,
      longitude: longitude ?? null,
    },
    values,
    errors,
  };
}
