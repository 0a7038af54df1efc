import { PARTY_DISCLOSURE, REFERRAL_KINDS } from '@linju/vocabulary';
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

describe("what a referral tells of the case's other parties", () => {
  const opened: string[] = [];
  /** An ID number that notes when it is opened. */
  const sealedId = (name: string, value: string) => () => {
    opened.push(name);
    return value;
  };
  const parties = [
    {
      role: 'adverse',
      name: '李四',
      idNumber: sealedId('李四', '11010519491231002X'),
      creditCode: null,
    },
    {
      role: 'third-party',
      kind: 'organisation',
      name: '某物业公司',
      idNumber: () => null,
      creditCode: '91350100M000100Y43',
    },
    {
      role: 'agent',
      name: '王律师',
      idNumber: sealedId('王律师', '110101199003074514'),
      creditCode: null,
    },
  ];

  it('identifies every party on a side to a court, never an agent', () => {
    expect(subjectFor('judicial-confirmation', resident, parties).subject.parties).toEqual([
      { role: 'adverse', displayName: '李四', idNumber: '11010519491231002X' },
      { role: 'third-party', displayName: '某物业公司', creditCode: '91350100M000100Y43' },
    ]);
    expect(subjectFor('judicial-confirmation', resident, parties).fields).toContain('parties');
    expect(opened).not.toContain('王律师');
  });

  it('names them to legal aid and to another district, without opening an ID number', () => {
    opened.length = 0;
    const named = REFERRAL_KINDS.filter((kind) => PARTY_DISCLOSURE[kind] === 'names');
    expect(named.length).toBeGreaterThan(1);
    for (const kind of named)
      expect(subjectFor(kind, resident, parties).subject.parties).toEqual([
        { role: 'adverse', displayName: '李四' },
        { role: 'third-party', displayName: '某物业公司' },
      ]);
    expect(opened).toEqual([]);
  });

  it("tells a federation's assistance nothing of them", () => {
    const { subject, fields } = subjectFor('assistance', resident, parties);
    expect(subject).not.toHaveProperty('parties');
    expect(fields).not.toContain('parties');
  });
});

describe('deadlines', () => {
  it('end at the close of the local day', () => {
    expect(endOfLocalDay('2026-03-04', 'Asia/Shanghai').toISOString()).toBe('2026-03-04T15:59:59.999Z');
    expect(endOfLocalDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-07-01T21:59:59.999Z');
  });
});
