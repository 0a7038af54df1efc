import type { schema } from '@linju/db';
import { SUBJECT_FIELDS, type SubjectField } from '@linju/vocabulary';

/** The partner accepts or rejects within this many working days. */
export const ACKNOWLEDGE_WORKING_DAYS = 2;

export type ReferralSubject = {
  displayName: string;
  phone?: string;
  idNumber?: string;
  groups?: string[];
};

/** The subject of a referral of `kind`: only the kind's fields, and only those the resident has. */
export function subjectFor(
  kind: schema.ReferralKind,
  resident: { name: string; phone: string | null; idNumber: string | null; keyGroups: readonly string[] },
): { subject: ReferralSubject; fields: SubjectField[] } {
  const wanted = SUBJECT_FIELDS[kind];
  const subject: ReferralSubject = { displayName: resident.name };
  if (wanted.includes('phone') && resident.phone) subject.phone = resident.phone;
  if (wanted.includes('idNumber') && resident.idNumber) subject.idNumber = resident.idNumber;
  if (wanted.includes('groups')) subject.groups = [...resident.keyGroups];
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
