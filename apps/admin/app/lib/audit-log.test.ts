// The installed plugins' messages, merged into the catalogue as the app has them.
import '@linju/plugins/admin';
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
    expect(auditActionKey('referral.completed')).toBe('auditAction.referral.completed');
    expect(auditActionKey('mediation.session.recorded')).toBe('mediation.audit.session.recorded');
    expect(auditObjectTypeKey('mediation_agreement', 'mediation.agreement.window-lapsed')).toBe(
      'mediation.audit.object.mediation_agreement',
    );
    expect(auditObjectTypeKey('mediation_agreement')).toBeUndefined();
  });

  it('formats snapshots for reading', () => {
    expect(snapshotText(null)).toBeUndefined();
    expect(snapshotText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
