import { addPluginMessages } from '@linju/i18n';
import { describe, expect, it } from 'vitest';
import {
  auditActionKey,
  auditObjectTypeKey,
  auditQueryParams,
  auditSearchFor,
  parseAuditQuery,
  snapshotText,
} from './audit-log.ts';

describe('the audit query in the URL', () => {
  it('keeps a valid cursor and filter', () => {
    expect(parseAuditQuery(new URLSearchParams('before=120&objectType=staff_member&objectId=abc'))).toEqual({
      before: 120,
      objectType: 'staff_member',
      objectId: 'abc',
    });
  });

  it('drops what the API would refuse rather than failing the page', () => {
    expect(parseAuditQuery(new URLSearchParams('before=-3&objectType=DROP TABLE&objectId='))).toEqual({
      before: undefined,
      objectType: undefined,
      objectId: undefined,
    });
    expect(parseAuditQuery(new URLSearchParams(`before=1.5&objectId=${'x'.repeat(81)}`))).toMatchObject({
      before: undefined,
      objectId: undefined,
    });
  });

  it('builds the links of the pager and of one object’s history', () => {
    expect(auditQueryParams({ before: 51, objectType: 'organisation', objectId: undefined }).toString()).toBe(
      'objectType=organisation&before=51',
    );
    expect(auditSearchFor('organisation', 'id-1')).toBe('?objectType=organisation&objectId=id-1');
  });
});

describe('labels', () => {
  it('names known actions and object types, and leaves unknown ones to be shown as they are', () => {
    expect(auditActionKey('organisation.created')).toBe('auditAction.organisation.created');
    expect(auditActionKey('referral.sent')).toBeUndefined();
    expect(auditObjectTypeKey('staff_member')).toBe('auditObject.staff_member');
    expect(auditObjectTypeKey('spaceship')).toBeUndefined();
  });

  it('names the platform’s referral actions, and a plugin’s actions and objects from its messages', () => {
    // A plugin's messages, merged into the catalogue as the app merges every installed plugin's.
    const words = {
      'x-rent-clinic.audit.session.recorded': '记录门诊接待',
      'x-rent-clinic.audit.object.rent_clinic_visit': '门诊接待',
    };
    addPluginMessages({ 'zh-CN': words, en: words });
    expect(auditActionKey('referral.completed')).toBe('auditAction.referral.completed');
    expect(auditActionKey('x-rent-clinic.session.recorded')).toBe('x-rent-clinic.audit.session.recorded');
    expect(auditObjectTypeKey('rent_clinic_visit', 'x-rent-clinic.visit.recorded')).toBe(
      'x-rent-clinic.audit.object.rent_clinic_visit',
    );
    expect(auditObjectTypeKey('rent_clinic_visit')).toBeUndefined();
  });

  it('formats snapshots for reading', () => {
    expect(snapshotText(null)).toBeUndefined();
    expect(snapshotText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
