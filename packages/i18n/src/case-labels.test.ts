import {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_URGENCIES,
  CONTACT_PREFERENCES,
  KEY_GROUPS,
  PARTY_KINDS,
  PARTY_ROLES,
} from '@linju/vocabulary';
import { describe, expect, it } from 'vitest';
import * as caseSchema from '../../db/src/schema/case.ts';
import * as referralSchema from '../../db/src/schema/referral.ts';
import {
  actorLabel,
  caseEventLabel,
  caseLinkKindLabel,
  caseStatusLabel,
  channelLabel,
  contactPreferenceLabel,
  keyGroupLabel,
  partyRoleLabel,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  referralKindLabel,
  referralStatusLabel,
  urgencyLabel,
} from './domain-labels.ts';
import { isMessageKey, LOCALES, messagesFor } from './index.ts';

/** Every message key the cases and referrals API can throw (DomainError, zod messages, TRPCError). */
const CASE_API_KEYS = [
  'case.not_found',
  'case.already_linked',
  'case.already_waiting',
  'case.not_waiting',
  'case.assignee_disabled',
  'case.conflict_of_interest',
  'case.document_content_mismatch',
  'case.document_empty',
  'case.document_not_found',
  'case.document_too_large',
  'case.document_type_not_allowed',
  'case.document_name_invalid',
  'case.upload_too_large',
  'case.feedback_in_future',
  'case.feedback_method_differs',
  'case.link_to_itself',
  'case.not_open',
  'case.external_ref_taken',
  'case.organisation_closed',
  'case.organisation_not_service_unit',
  'case.reason_required',
  'case.resident_required',
  'case.satisfaction_before_feedback',
  'case.satisfaction_recorded',
  'case.satisfaction_required',
  'case.service_not_enabled',
  'case.transfer_same_organisation',
  'case.transition_invalid',
  'case.category_invalid',
  'case.service_type_invalid',
  'case.score_range',
  'case.consultation_needs_attendees',
  'case.consultation_needs_services',
  'case.number_prefix_invalid',
  'calendar.day_not_found',
  'import.columns_missing',
  'import.empty',
  'import.too_many_rows',
  'organisation.not_found',
  'staff.not_found',
  'resident.not_found',
  'resident.phone_or_id_number',
  'personal_data.phone_invalid',
  'personal_data.id_number_invalid',
  'personal_data.credit_code_invalid',
  'case.party_not_found',
  'case.parties_closed',
  'case.party_credit_code_for_person',
  'case.party_id_number_for_organisation',
  'validation.required',
  'validation.date_invalid',
  'auth.forbidden',
  'referral.case_not_open',
  'referral.consent_required',
  'referral.not_found',
  'referral.partner_closed',
  'referral.partner_required',
  'referral.exchange_unavailable',
  'referral.reroute_not_allowed',
  'referral.reroute_same_partner',
  'referral.transition_invalid',
  'referral.outcome_required',
  'referral.reason_required',
  'referral.wrong_party',
  'referral.workflows_unavailable',
];

describe('case and referral vocabularies', () => {
  // Case lists are @linju/vocabulary's, the database's enums too; referral lists still have copies.
  it('match the database’s lists', () => {
    expect([...REFERRAL_KINDS]).toEqual([...referralSchema.REFERRAL_KINDS]);
    expect([...REFERRAL_STATUSES]).toEqual([...referralSchema.REFERRAL_STATUSES]);
  });

  it('have a label for every value in every language', () => {
    const cases: [readonly string[], string][] = [
      [CASE_CHANNELS, 'channel'],
      [CASE_STATUSES, 'caseStatus'],
      [CASE_URGENCIES, 'urgency'],
      [KEY_GROUPS, 'keyGroup'],
      [CONTACT_PREFERENCES, 'contactPreference'],
      [PARTY_ROLES, 'partyRole'],
      [PARTY_KINDS, 'partyKind'],
      [REFERRAL_KINDS, 'referralKind'],
      [REFERRAL_STATUSES, 'referralStatus'],
      [caseSchema.CASE_EVENT_KINDS, 'caseEvent'],
      [caseSchema.CASE_LINK_KINDS, 'caseLinkKind'],
    ];
    for (const [values, prefix] of cases) {
      for (const value of values) expect(isMessageKey(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
    }
  });

  it('labels per locale and falls back to the id', () => {
    expect(caseStatusLabel('zh-CN', 'in-progress')).toBe('办理中');
    expect(caseStatusLabel('en', 'in-progress')).toBe('In progress');
    expect(channelLabel('en', 'walk-in')).toBe('Walk-in');
    expect(urgencyLabel('en', 'critical')).toBe('Critical');
    expect(partyRoleLabel('zh-CN', 'adverse')).toBe('被申请人');
    expect(partyRoleLabel('en', 'third-party')).toBe('Third party');
    expect(keyGroupLabel('zh-CN', 'elderly')).toBe('老年人');
    expect(contactPreferenceLabel('en', 'sms')).toBe('Text message');
    expect(referralKindLabel('en', 'legal-aid')).toBe('Legal aid');
    expect(referralStatusLabel('en', 'requested')).toBe('Sent');
    expect(caseEventLabel('en', 'note')).toBe('Note');
    expect(caseLinkKindLabel('en', 'other')).toBe('Other');
    expect(caseStatusLabel('en', 'something-new')).toBe('something-new');
  });

  it('has every error key the cases and referrals API throws, in every language', () => {
    for (const key of CASE_API_KEYS) {
      expect(isMessageKey(key), key).toBe(true);
      for (const locale of LOCALES)
        expect(messagesFor(locale)[key as never], `${locale} ${key}`).toBeTruthy();
    }
  });

  it('names the platform’s own actors and leaves a person’s name as it is', () => {
    expect(actorLabel('zh-CN', 'message delivery')).toBe('消息发送');
    expect(actorLabel('zh-CN', 'system')).toBe('系统');
    expect(actorLabel('en', 'time-limit escalation')).toBe('Time-limit escalation');
    expect(actorLabel('zh-CN', '前台受理员 陈静')).toBe('前台受理员 陈静');
  });
});
