import { schema } from '@linju/db';
import { z } from 'zod';
import { ZCreditCode, ZIdNumber, ZPhone } from '../personal-data/personal-data.ts';
import { ZResidentDetails } from './resident-service.ts';

const required = { message: 'validation.required' };
/** A plugin id (`x-psychology`), a street's X service or `undecided`. */
export const ZServiceType = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'case.service_type_invalid' })
  .default(schema.UNDECIDED_SERVICE);
export const ZCategory = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'case.category_invalid' })
  .nullish();
export const ZReason = z.string().trim().min(1, required).max(500);

const ZPartyDetails = z.object({
  role: z.enum(schema.PARTY_ROLES).default('adverse'),
  kind: z.enum(schema.PARTY_KINDS).default('person'),
  /** A person's name, or an organisation's registered name. */
  name: z.string().trim().min(1, required).max(100),
  /** A person's identity card number. */
  idNumber: ZIdNumber.nullish(),
  /** An organisation's unified social credit code (统一社会信用代码). */
  creditCode: ZCreditCode.nullish(),
  phone: ZPhone.nullish(),
  address: z.string().trim().max(200).nullish(),
});

/** A person has no credit code and an organisation no ID number: each refused on its field. */
const identityOfKind = (party: z.output<typeof ZPartyDetails>, context: z.RefinementCtx) => {
  if (party.kind === 'person' && party.creditCode)
    context.addIssue({ code: 'custom', path: ['creditCode'], message: 'case.party_credit_code_for_person' });
  if (party.kind === 'organisation' && party.idNumber)
    context.addIssue({
      code: 'custom',
      path: ['idNumber'],
      message: 'case.party_id_number_for_organisation',
    });
};

export const ZPartyRequest = ZPartyDetails.superRefine(identityOfKind);
export type PartyRequest = z.output<typeof ZPartyRequest>;

export const ZIntakeRequest = z.object({
  channel: z.enum(schema.CASE_CHANNELS),
  /** An existing resident, or the details to find them again or record them. */
  residentId: z.uuid().optional(),
  resident: ZResidentDetails.optional(),
  serviceType: ZServiceType,
  category: ZCategory,
  description: z.string().trim().min(1, required).max(8000),
  urgency: z.enum(schema.CASE_URGENCIES).default('normal'),
  /** Where the matter arrived: a centre, station, room or service point. */
  organisationId: z.uuid(),
  externalRef: z.string().trim().min(1).max(64).nullish(),
  /** When the matter arrived, if not now (an imported hotline order). */
  receivedAt: z.coerce.date().optional(),
  parties: z.array(ZPartyRequest).max(20).default([]),
  /** The service's intake form, when the service is known; validated by that service's schema. */
  form: z.record(z.string(), z.unknown()).optional(),
});
export type IntakeRequest = z.input<typeof ZIntakeRequest>;

export const ZTriageRequest = z.object({
  caseId: z.uuid(),
  serviceType: ZServiceType,
  category: ZCategory,
  urgency: z.enum(schema.CASE_URGENCIES).optional(),
  note: z.string().trim().max(2000).nullish(),
  /** The intake form of the service chosen at triage; validated by that service's schema. */
  form: z.record(z.string(), z.unknown()).optional(),
});

export const ZAssignRequest = z.object({
  caseId: z.uuid(),
  assigneeId: z.uuid(),
  /** Needed when the conflict check finds the assignee acted for or against a party before. */
  conflictReason: z.string().trim().min(1).max(500).nullish(),
  /** Needed when the assignee is on the district's active negative list (负面清单). */
  negativeListReason: z.string().trim().min(1).max(500).nullish(),
});

export const ZTransferRequest = z.object({ caseId: z.uuid(), organisationId: z.uuid(), reason: ZReason });

export const ZStatusRequest = z.object({
  caseId: z.uuid(),
  status: z.enum(['in-progress', 'resolved', 'closed', 'withdrawn', 'rejected']),
  reason: z.string().trim().max(500).nullish(),
});

export const ZClockRequest = z.object({
  caseId: z.uuid(),
  /** true: waiting for the resident (the clock stops); false: the resident replied. */
  waiting: z.boolean(),
  note: z.string().trim().max(500).nullish(),
});

export const ZNoteRequest = z.object({
  caseId: z.uuid(),
  text: z.string().trim().min(1, required).max(4000),
});
export const ZAddPartyRequest = ZPartyDetails.extend({ caseId: z.uuid() }).superRefine(identityOfKind);
/**
 * A party corrected: every field as the form stands. The sealed ones (ID number, phone, address)
 * are shown masked, so left out they keep what is recorded; given, they replace it.
 */
export const ZUpdatePartyRequest = ZPartyDetails.extend({ caseId: z.uuid(), partyId: z.uuid() }).superRefine(
  identityOfKind,
);
export const ZRemovePartyRequest = z.object({ caseId: z.uuid(), partyId: z.uuid() });
