import type { schema } from '@linju/db';
import { PARTY_DISCLOSURE, SUBJECT_FIELDS, type SubjectField } from '@linju/vocabulary';

const SIDES: readonly string[] = ['co-applicant', 'adverse', 'third-party'];

/** A party of the case as a referral names it. */
export type ReferralParty = {
  role: string;
  displayName: string;
  idNumber?: string;
  creditCode?: string;
};

/** The partner accepts or rejects within this many working days. */
export const ACKNOWLEDGE_WORKING_DAYS = 2;

export type ReferralSubject = {
  displayName: string;
  phone?: string;
  idNumber?: string;
  groups?: string[];
  /** The other parties, as `PARTY_DISCLOSURE` allows (not in the exchange's v1 `subject`). */
  parties?: ReferralParty[];
};

/** A party of the case, its ID number opened only when its kind of referral may carry it. */
export type CaseSubjectParty = {
  role: string;
  name: string;
  idNumber: () => string | null;
  creditCode: string | null;
};

/**
 * The subject of a referral of `kind`: only the kind's fields, and only those the resident has;
 * then the case's parties on a side of the matter as far as the kind discloses them.
 */
export function subjectFor(
  kind: schema.ReferralKind,
  resident: { name: string; phone: string | null; idNumber: string | null; keyGroups: readonly string[] },
  parties: readonly CaseSubjectParty[] = [],
): { subject: ReferralSubject; fields: SubjectField[] } {
  const wanted = SUBJECT_FIELDS[kind];
  const subject: ReferralSubject = { displayName: resident.name };
  if (wanted.includes('phone') && resident.phone) subject.phone = resident.phone;
  if (wanted.includes('idNumber') && resident.idNumber) subject.idNumber = resident.idNumber;
  if (wanted.includes('groups')) subject.groups = [...resident.keyGroups];
  const disclosure = PARTY_DISCLOSURE[kind];
  const sent = disclosure === 'none' ? [] : parties.filter((p) => SIDES.includes(p.role));
  if (sent.length > 0) {
    subject.parties = sent.map((p) => {
      const party: ReferralParty = { role: p.role, displayName: p.name };
      if (disclosure !== 'identity') return party;
      const idNumber = p.idNumber();
      if (idNumber) party.idNumber = idNumber;
      if (p.creditCode) party.creditCode = p.creditCode;
      return party;
    });
  }
  return { subject, fields: Object.keys(subject) as SubjectField[] };
}

/**
 * The last instant of the local calendar day `isoDate` in `timeZone` (23:59:59.999 there): a
 * deadline "in N working days" runs to the end of that day.
 */
export function endOfLocalDay(isoDate: string, timeZone: string): Date {
  const asUtc = Date.parse(`${isoDate}T23:59:59.999Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(asUtc))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
  const offsetMs = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000
    : 0;
  return new Date(asUtc - offsetMs);
}
