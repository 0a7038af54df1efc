export {
  DEFAULT_LOCALE,
  isLocale,
  isMessageKey,
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Messages,
  messagesFor,
  translate,
} from './catalogue.ts';
export {
  NETWORK_ORGANISATION_KINDS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  organisationKindLabel,
  PARTNER_ORGANISATION_KINDS,
  ROLE_IDS,
  type RoleId,
  roleLabel,
  SERVICE_IDS,
  type ServiceId,
  serviceLabel,
} from './domain-labels.ts';
export { type DateInput, DISPLAY_TIME_ZONE, formatDate, formatDateTime, formatNumber } from './format.ts';
export { LOCALE_COOKIE, localeFromCookie, negotiateLocale, serializeLocaleCookie } from './negotiate.ts';
