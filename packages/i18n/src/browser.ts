// The package as a browser bundle sees it: no catalogue until `loadCatalogue` (the admin app's
// entry.client, before hydrating). Node's entry (`index.ts`) is this plus every catalogue.
// The case pages (apps/admin/app/routes/case*.tsx, being split under issue #16) still take the case
// lists from here; a re-export of the one list, never a copy. New code imports @linju/vocabulary.
export {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_URGENCIES,
  type CaseStatus,
  CONTACT_PREFERENCES,
  KEY_GROUPS,
  PARTY_KINDS,
  PARTY_ROLES,
  type PartyKind,
  type PartyRole,
} from '@linju/vocabulary';
export {
  addCatalogue,
  addPluginMessages,
  type CoreMessageKey,
  DEFAULT_LOCALE,
  hasCatalogue,
  interpolate,
  isLocale,
  isMessageKey,
  LOCALES,
  type Locale,
  loadCatalogue,
  type MessageKey,
  type MessageParams,
  type Messages,
  messagesFor,
  type PluginMessageKeys,
  translate,
} from './catalogue.ts';
export {
  actorLabel,
  caseEventLabel,
  caseLinkKindLabel,
  caseStatusLabel,
  channelLabel,
  consentPurposeLabel,
  contactPreferenceLabel,
  keyGroupLabel,
  organisationKindLabel,
  partyKindLabel,
  partyRoleLabel,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  type ReferralKind,
  type ReferralStatus,
  referralKindLabel,
  referralOutcomeLabel,
  referralStatusLabel,
  roleLabel,
  urgencyLabel,
} from './domain-labels.ts';
export {
  type DateInput,
  DISPLAY_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatNumber,
  labelled,
} from './format.ts';
export { LOCALE_COOKIE, localeFromCookie, negotiateLocale, serializeLocaleCookie } from './negotiate.ts';
