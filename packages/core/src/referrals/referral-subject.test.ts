import { describe, expect, it } from 'vitest';
import { endOfLocalDay, subjectFor } from './referral-subject.ts';

const resident = {
  name: '张三',
  phone: '13812345678',
  idNumber: '110101199003074514',
  keyGroups: ['elderly'],
};

describe('what a referral sends', () => {
  it('sends a court the identity, never the groups', () => {
    expect(subjectFor('judicial-confirmation', resident)).toEqual({
      subject: { displayName: '张三', phone: '13812345678', idNumber: '110101199003074514' },
      fields: ['displayName', 'phone', 'idNumber'],
    });
  });
  it('sends a federation no ID number', () => {
    const { subject, fields } = subjectFor('assistance', resident);
    expect(subject).not.toHaveProperty('idNumber');
    expect(fields).toEqual(['displayName', 'phone', 'groups']);
  });
  it('lists only fields the resident has', () => {
    expect(subjectFor('transfer', { ...resident, phone: null, idNumber: null }).fields).toEqual([
      'displayName',
      'groups',
    ]);
  });
});

describe('deadlines', () => {
  it('end at the close of the local day', () => {
    expect(endOfLocalDay('2026-03-04', 'Asia/Shanghai').toISOString()).toBe('2026-03-04T15:59:59.999Z');
    expect(endOfLocalDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-07-01T21:59:59.999Z');
  });
});
