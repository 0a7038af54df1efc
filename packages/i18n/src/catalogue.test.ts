import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, ORGANISATION_KINDS, ROLES } from '@linju/vocabulary';
import { describe, expect, it } from 'vitest';
import { organisationKindLabel, roleLabel } from './domain-labels.ts';
import { isMessageKey, LOCALES, type MessageKey, type Messages, messagesFor, translate } from './index.ts';

/** The six core services ("6" of "6+X") whose names the platform's report still carries (statistics-report). */

const API_ERROR_KEYS = [
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.totp_invalid',
  'auth.totp_used',
  'auth.totp_required',
  'auth.password_too_weak',
  'auth.password_mismatch',
  'auth.not_signed_in',
  'tenant.not_found',
  'tenant.suspended',
  'tenant.mismatch',
  'validation.failed',
  // Organisations, staff, advisers, the audit log and onboarding (packages/core DomainError and zod messages).
  'auth.forbidden',
  'auth.password_change_required',
  'organisation.not_found',
  'organisation.parent_required',
  'organisation.parent_kind_invalid',
  'organisation.parent_closed',
  'organisation.parent_not_allowed',
  'organisation.move_into_itself',
  'organisation.coordinates_invalid',
  'organisation.phone_invalid',
  'organisation.remote_address_invalid',
  'staff.not_found',
  'staff.role_organisation_mismatch',
  'staff.partner_roles_exclusive',
  'staff.username_taken',
  'staff.username_invalid',
  'staff.role_required',
  'staff.cannot_change_own_roles',
  'staff.cannot_reset_own_password',
  'staff.cannot_disable_self',
  'staff.cannot_move_self',
  'staff.role_above_ceiling',
  'staff.bureau_admin_only',
  'staff.person_above_ceiling',
  'adviser.room_required',
  'adviser.term_overlaps',
  'adviser.not_found',
  'adviser.end_outside_term',
  'adviser.term_invalid',
  'tenant.slug_taken',
  'tenant.slug_invalid',
  'tenant.division_code_invalid',
  'tenant.time_zone_invalid',
  'tenant.colour_invalid',
  'personal_data.phone_invalid',
  'personal_data.id_number_invalid',
  'platform.operator_exists',
  'platform.already_initialised',
  'platform.setup_link_invalid',
  'federation.org_not_found',
  'federation.peer_url_invalid',
  'federation.peer_private_network',
  'federation.peer_unreachable',
  'federation.peer_document_invalid',
  'federation.peer_base_url_mismatch',
  'federation.peer_changed_since_preview',
  'validation.required',
  'validation.too_long',
  'validation.date_invalid',
  'validation.url_invalid',
] as const satisfies readonly MessageKey[];

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('catalogues', () => {
  const zh = messagesFor('zh-CN');

  it.each(LOCALES)('%s has exactly the keys of zh-CN', (locale) => {
    expect(Object.keys(messagesFor(locale)).sort()).toEqual(Object.keys(zh).sort());
  });

  it('rejects an incomplete or padded catalogue at compile time', () => {
    // The checks that matter here are the two expected errors, verified by `tsc` in typecheck.
    // @ts-expect-error a catalogue missing keys is not `Messages`
    const incomplete: Messages = { 'app.name': 'Linju' };
    // @ts-expect-error a key zh-CN does not have is not allowed either
    const padded: Messages = { ...messagesFor('en'), 'app.unknown': 'extra' };
    expect(Object.keys(incomplete)).toHaveLength(1);
    expect(Object.keys(padded)).toContain('app.unknown');
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(messagesFor(locale)).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const en = messagesFor('en');
    for (const key of Object.keys(zh) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('names every role and organisation kind in both languages', () => {
    const keys = [
      ...ROLES.map((id) => `role.${id}`),
      ...ORGANISATION_KINDS.map((kind) => `organisationKind.${kind}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
    expect(ROLES).toHaveLength(13);
    expect(ORGANISATION_KINDS).toHaveLength(11);
  });

  it('names every audit action and object type the platform records, in both languages', () => {
    const keys = [
      ...AUDIT_ACTIONS.map((action) => `auditAction.${action}`),
      ...AUDIT_OBJECT_TYPES.map((type) => `auditObject.${type}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
    expect(translate('zh-CN', 'auditAction.referral.completed')).toBe('转介办结');
    expect(translate('en', 'auditObject.referral')).toBe('Referral');
  });

  it('has a message for every error key the API throws', () => {
    expect(API_ERROR_KEYS.filter((key) => !isMessageKey(key))).toEqual([]);
    for (const key of API_ERROR_KEYS) expect(translate('en', key)).not.toBe(translate('zh-CN', key));
  });
});

describe('translate', () => {
  it('defaults to Chinese wording and interpolates parameters', () => {
    expect(translate('zh-CN', 'home.greeting', { name: '王芳' })).toBe('王芳，您好');
    expect(translate('en', 'home.greeting', { name: 'Wang Fang' })).toBe('Hello, Wang Fang');
    expect(translate('en', 'home.organisations_total', { count: 3 })).toBe('Organisations in total: 3');
  });

  it('leaves a placeholder visible when its parameter is missing', () => {
    expect(translate('en', 'home.greeting', {})).toBe('Hello, {name}');
  });

  it('does not treat inherited properties as keys', () => {
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('auth.invalid_credentials')).toBe(true);
  });
});

describe('domain labels', () => {
  it('translates known ids and shows unknown ones as they are', () => {
    expect(roleLabel('zh-CN', 'mediator')).toBe('人民调解员');
    expect(roleLabel('en', 'mediator')).toBe("People's mediator");
    expect(organisationKindLabel('en', 'station')).toBe('Street station');
    expect(roleLabel('en', 'astronaut')).toBe('astronaut');
  });
});
