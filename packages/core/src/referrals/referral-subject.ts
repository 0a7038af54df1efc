import type { schema } from '@linju/db';

/** Fields of the resident a referral may carry (spec: `subject`). */
export type SubjectField = 'displayName' | 'phone' | 'idNumber' | 'groups';

/**
 * Data minimisation: each kind sends only what the partner needs to act. A court confirming a
 * mediation agreement or taking a case to litigation mediation must identify the party; legal aid
 * also weighs the key groups (绿色通道); a federation's assistance and another district's transfer
 * need to reach the person and know the groups, never the ID number.
 */
export const SUBJECT_FIELDS: Readonly<Record<schema.ReferralKind, readonly SubjectField[]>> = {
  'judicial-confirmation': ['displayName', 'phone', 'idNumber'],
  'litigation-mediation': ['displayName', 'phone', 'idNumber'],
  'legal-aid': ['displayName', 'phone', 'idNumber', 'groups'],
  assistance: ['displayName', 'phone', 'groups'],
  transfer: ['displayName', 'phone', 'groups'],
};

/** Default completion limits in working days, per kind (a request may set its own). */
export const DEFAULT_DUE_WORKING_DAYS: Readonly<Record<schema.ReferralKind, number>> = {
  'judicial-confirmation': 15,
  'litigation-mediation': 30,
  'legal-aid': 7,
  assistance: 15,
  transfer: 15,
};

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
