import { isMessageKey, type Locale, translate } from './catalogue.ts';

/** The role ids the catalogues name (DOMAIN.md); a role is granted on an organisation. */
export const ROLE_IDS = [
  'bureau-admin',
  'centre-director',
  'station-head',
  'desk-officer',
  'lawyer',
  'notary',
  'mediator',
  'legal-aid-officer',
  'appraiser',
  'publicity-officer',
  'volunteer',
  'inspector',
  'partner-user',
] as const;

/** Organisation kinds of the district's own service network, in the order of the tree. */
export const NETWORK_ORGANISATION_KINDS = ['centre', 'station', 'room', 'service-point'] as const;
/** Organisation kinds of partners outside the tree, which receive referrals. */
export const PARTNER_ORGANISATION_KINDS = [
  'court',
  'police',
  'procuratorate',
  'labour-arbitration',
  'federation',
  'department',
  'district',
] as const;
export const ORGANISATION_KINDS = [...NETWORK_ORGANISATION_KINDS, ...PARTNER_ORGANISATION_KINDS] as const;

/** The six core services ("6" of "6+X"). */
export const SERVICE_IDS = [
  'consultation',
  'notary',
  'mediation',
  'legal-aid',
  'appraisal',
  'legal-education',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type ServiceId = (typeof SERVICE_IDS)[number];

// Ids arrive from the database as plain strings; an id this build has no label for is shown as is
// rather than failing the page.
function labelOrId(locale: Locale, key: string, id: string): string {
  return isMessageKey(key) ? translate(locale, key) : id;
}

export function roleLabel(locale: Locale, role: string): string {
  return labelOrId(locale, `role.${role}`, role);
}

export function organisationKindLabel(locale: Locale, kind: string): string {
  return labelOrId(locale, `organisationKind.${kind}`, kind);
}

export function serviceLabel(locale: Locale, service: string): string {
  return labelOrId(locale, `service.${service}`, service);
}

/** Cases and referrals: the API's vocabularies (packages/db), in the order forms list them. */
export const CASE_CHANNELS = [
  'walk-in',
  'hotline-12348',
  'online',
  'hotline-12345',
  'home-visit',
  'partner-referral',
] as const;
export const CASE_STATUSES = [
  'received',
  'triaged',
  'in-progress',
  'resolved',
  'feedback-given',
  'closed',
  'withdrawn',
  'rejected',
] as const;
export const CASE_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export const KEY_GROUPS = ['elderly', 'minors', 'women-and-children', 'disabled', 'migrant-workers'] as const;
export const CONTACT_PREFERENCES = ['phone', 'sms', 'visit', 'post', 'online'] as const;
export const REFERRAL_KINDS = [
  'judicial-confirmation',
  'litigation-mediation',
  'legal-aid',
  'assistance',
  'transfer',
] as const;
export const REFERRAL_STATUSES = [
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'failed',
  'cancelled',
] as const;

export type CaseChannel = (typeof CASE_CHANNELS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseUrgency = (typeof CASE_URGENCIES)[number];
export type KeyGroup = (typeof KEY_GROUPS)[number];
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const channelLabel = (locale: Locale, id: string) => labelOrId(locale, `channel.${id}`, id);
export const caseStatusLabel = (locale: Locale, id: string) => labelOrId(locale, `caseStatus.${id}`, id);
export const urgencyLabel = (locale: Locale, id: string) => labelOrId(locale, `urgency.${id}`, id);
export const keyGroupLabel = (locale: Locale, id: string) => labelOrId(locale, `keyGroup.${id}`, id);
export const contactPreferenceLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `contactPreference.${id}`, id);
export const referralKindLabel = (locale: Locale, id: string) => labelOrId(locale, `referralKind.${id}`, id);
export const referralStatusLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `referralStatus.${id}`, id);
export const caseEventLabel = (locale: Locale, id: string) => labelOrId(locale, `caseEvent.${id}`, id);
export const caseLinkKindLabel = (locale: Locale, id: string) => labelOrId(locale, `caseLinkKind.${id}`, id);
export const consentPurposeLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `consentPurpose.${id}`, id);
