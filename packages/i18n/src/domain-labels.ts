import { isMessageKey, type Locale, translate } from './catalogue.ts';

// Labels are keyed by @linju/vocabulary's ids (`role.<id>`, `caseStatus.<id>`…); the lists live there.

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

export { REFERRAL_KINDS, REFERRAL_STATUSES, type ReferralKind, type ReferralStatus } from '@linju/vocabulary';

export const channelLabel = (locale: Locale, id: string) => labelOrId(locale, `channel.${id}`, id);
export const caseStatusLabel = (locale: Locale, id: string) => labelOrId(locale, `caseStatus.${id}`, id);
export const urgencyLabel = (locale: Locale, id: string) => labelOrId(locale, `urgency.${id}`, id);
export const keyGroupLabel = (locale: Locale, id: string) => labelOrId(locale, `keyGroup.${id}`, id);
export const contactPreferenceLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `contactPreference.${id}`, id);
export const referralKindLabel = (locale: Locale, id: string) => labelOrId(locale, `referralKind.${id}`, id);
export const referralStatusLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `referralStatus.${id}`, id);
/** Who did it: a person's name as stored, or the platform's own actor (escalation, sweep …) named. */
export const actorLabel = (locale: Locale, name: string) => labelOrId(locale, `systemActor.${name}`, name);
export const caseEventLabel = (locale: Locale, id: string) => labelOrId(locale, `caseEvent.${id}`, id);
export const caseLinkKindLabel = (locale: Locale, id: string) => labelOrId(locale, `caseLinkKind.${id}`, id);
export const consentPurposeLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `consentPurpose.${id}`, id);
export const partyRoleLabel = (locale: Locale, id: string) => labelOrId(locale, `partyRole.${id}`, id);
export const partyKindLabel = (locale: Locale, id: string) => labelOrId(locale, `partyKind.${id}`, id);
export const referralOutcomeLabel = (locale: Locale, id: string) =>
  labelOrId(locale, `referralOutcome.${id}`, id);
