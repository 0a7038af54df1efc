import { describe, expect, it } from 'vitest';
import {
  answersFor,
  caseQueryFor,
  caseSearchString,
  daysBetween,
  deadlineState,
  intakeProblems,
  intakeRequest,
  isHead,
  parseScore,
  readCaseSearch,
  readIntake,
  searchKind,
  statusMoves,
} from './cases.ts';
import { intakeParties } from './party-form.ts';

describe('the case search box', () => {
  it('tells whole numbers, phones and ID numbers from a term to find by part', () => {
    expect(searchKind('XH-2026-000123')).toBe('number');
    expect(searchKind('xh-2026-12')).toBe('number');
    expect(searchKind('138 0013 8000')).toBe('phone');
    expect(searchKind('021-64871234')).toBe('phone');
    expect(searchKind('11010519491231002X')).toBe('idNumber');
    expect(searchKind('邻居 漏水')).toBe('term');
    expect(searchKind('12345')).toBe('term');
    expect(searchKind('2026-000123')).toBe('term');
    expect(searchKind('王伟')).toBe('term');
  });

  it('reads the URL and drops unknown values, and the term from a posted form only', () => {
    const search = readCaseSearch(
      new URLSearchParams('q=+漏水+&status=nonsense&queue=overdue&service=Bad!&sort=sideways&page=3&size=50'),
    );
    expect(search).toEqual({
      q: '',
      status: '',
      queue: 'overdue',
      service: '',
      sort: 'received',
      page: 3,
      size: 50,
    });
    const posted = new FormData();
    posted.set('q', ' 13812345678 ');
    posted.set('queue', 'overdue');
    expect(readCaseSearch(posted)).toMatchObject({ q: '13812345678', queue: 'overdue' });
    expect(readCaseSearch(new URLSearchParams('service=x-rent-clinic&sort=due'))).toMatchObject({
      service: 'x-rent-clinic',
      sort: 'due',
    });
  });

  const plain = { q: '', status: '', queue: '', service: '', sort: 'received', page: 1, size: 20 } as const;

  it('builds the API query: the page of the page size', () => {
    expect(caseQueryFor({ ...plain, q: 'xh-2026-000123', status: 'received' })).toEqual({
      limit: 20,
      number: 'XH-2026-000123',
      status: ['received'],
    });
    expect(caseQueryFor({ ...plain, q: '138 0013 8000', queue: 'mine', page: 3, size: 50 })).toEqual({
      limit: 50,
      phone: '13800138000',
      queue: 'mine',
      page: 3,
    });
    expect(caseQueryFor({ ...plain, q: '11010519491231002x' }).idNumber).toBe('11010519491231002X');
    expect(caseQueryFor({ ...plain, q: '物业' }).term).toBe('物业');
    expect(caseQueryFor({ ...plain, q: ' 8000 ' })).toEqual({ limit: 20, term: '8000' });
    expect(caseQueryFor({ ...plain, service: 'x-disputes', sort: 'due', size: 100 })).toEqual({
      limit: 100,
      serviceType: 'x-disputes',
      sort: 'due',
    });
  });

  it('writes the URL back without defaults or empty values, and never with the term', () => {
    expect(caseSearchString({ q: '13812345678', status: '', page: 2 })).toBe('?page=2');
    expect(caseSearchString({})).toBe('');
    expect(caseSearchString({ ...plain })).toBe('');
    expect(caseSearchString({ service: 'x-disputes', sort: 'due', size: 50 })).toBe(
      '?service=x-disputes&sort=due&size=50',
    );
  });
});

describe('deadlines', () => {
  const open = { status: 'in-progress', waitingForResident: false };
  it('counts days', () => {
    expect(daysBetween('2026-03-01', '2026-03-04')).toBe(3);
    expect(daysBetween('2026-03-04', '2026-03-01')).toBe(-3);
  });
  it('marks overdue and due soon, only for open running cases', () => {
    expect(deadlineState({ ...open, dueOn: '2026-02-28' }, '2026-03-01')).toBe('overdue');
    expect(deadlineState({ ...open, dueOn: '2026-03-01' }, '2026-03-01')).toBe('due-soon');
    expect(deadlineState({ ...open, dueOn: '2026-03-04' }, '2026-03-01')).toBe('due-soon');
    expect(deadlineState({ ...open, dueOn: '2026-03-05' }, '2026-03-01')).toBeNull();
    expect(deadlineState({ ...open, dueOn: null }, '2026-03-01')).toBeNull();
    expect(
      deadlineState({ ...open, dueOn: '2026-02-01', waitingForResident: true }, '2026-03-01'),
    ).toBeNull();
    expect(deadlineState({ ...open, status: 'resolved', dueOn: '2026-02-01' }, '2026-03-01')).toBeNull();
  });
});

describe('status moves', () => {
  it('mirrors the state machine without triage and feedback', () => {
    expect(statusMoves('received')).toEqual(['in-progress', 'withdrawn', 'rejected']);
    expect(statusMoves('in-progress')).toEqual(['resolved', 'withdrawn']);
    expect(statusMoves('feedback-given')).toEqual(['closed']);
    expect(statusMoves('closed')).toEqual([]);
    expect(statusMoves('unknown')).toEqual([]);
  });
});

describe('the intake form', () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  };

  it('reads the fields and keeps only known key groups', () => {
    const values = readIntake(
      form([
        ['channel', 'walk-in'],
        ['name', ' 王芳 '],
        ['phone', '13800138000'],
        ['keyGroups', 'elderly'],
        ['keyGroups', 'bogus'],
        ['keyGroups', 'disabled'],
        ['organisationId', 'org'],
        ['description', '漏水'],
      ]),
    );
    expect(values.name).toBe('王芳');
    expect(values.keyGroupList).toEqual(['elderly', 'disabled']);
    expect(values.keyGroups).toBe('elderly,disabled');
    expect(Object.values(intakeProblems(values)).filter(Boolean)).toEqual([]);
    expect(intakeRequest(values)).toEqual({
      channel: 'walk-in',
      resident: {
        name: '王芳',
        phone: '13800138000',
        idNumber: null,
        keyGroups: ['elderly', 'disabled'],
        contactPreference: 'phone',
      },
      serviceType: 'undecided',
      category: null,
      urgency: 'normal',
      description: '漏水',
      organisationId: 'org',
      parties: [],
    });
  });

  it('records the other parties typed in, skipping rows without a name, refusals shown on their row', () => {
    const values = readIntake(
      form([
        ['name', '王芳'],
        ['parties.0.partyRole', 'adverse'],
        ['parties.0.partyKind', 'person'],
        ['parties.0.name', ''],
        ['parties.1.partyRole', 'adverse'],
        ['parties.1.partyKind', 'organisation'],
        ['parties.1.name', ' 某物业公司 '],
        ['parties.1.creditCode', '91350100M000100Y43'],
        ['parties.1.phone', ''],
      ]),
    );
    expect(values.parties).toHaveLength(2);
    expect(intakeRequest(values).parties).toEqual([
      { role: 'adverse', kind: 'organisation', name: '某物业公司', creditCode: '91350100M000100Y43' },
    ]);
    // The API's first party is the form's second row.
    expect(intakeParties(values.parties).fieldForPath).toMatchObject({
      'parties.0.creditCode': 'parties.1.creditCode',
      'parties.0.kind': 'parties.1.partyKind',
    });
  });

  it('names the missing fields', () => {
    const problems = intakeProblems(readIntake(form([['channel', 'fax']])));
    expect(problems).toEqual({
      channel: 'validation.required',
      name: 'validation.required',
      organisationId: 'validation.required',
      description: 'validation.required',
    });
  });
});

describe('scores', () => {
  it('accepts 1 to 5 only', () => {
    expect(parseScore(' 4 ')).toBe(4);
    expect(parseScore('0')).toBeUndefined();
    expect(parseScore('6')).toBeUndefined();
    expect(parseScore('4.5')).toBeUndefined();
    expect(parseScore('')).toBeUndefined();
  });
});

describe('people on a case', () => {
  it('tells a station head by role', () => {
    expect(isHead([{ role: 'station-head' }])).toBe(true);
    expect(isHead([{ role: 'desk-officer' }])).toBe(false);
  });
});

describe('a partner’s answers', () => {
  it('follows the referral states', () => {
    expect(answersFor('requested')).toEqual(['accepted', 'rejected']);
    expect(answersFor('received')).toEqual(['accepted', 'rejected']);
    expect(answersFor('accepted')).toEqual(['in-progress', 'failed']);
    expect(answersFor('in-progress')).toEqual(['completed', 'failed']);
    expect(answersFor('completed')).toEqual([]);
  });
});
