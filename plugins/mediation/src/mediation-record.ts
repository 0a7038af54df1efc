import { boundedMoment, type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import type { JudicialStatus } from './judicial-confirmation.ts';

/** How a party confirmed the agreement: signed, fingerprint, or in a remote video session. */
export const CONFIRMATION_METHODS = ['signature', 'fingerprint', 'remote-video'] as const;
export const SESSION_OUTCOMES = ['continued', 'agreed', 'failed'] as const;

export const ZSetMediatorsRequest = z.object({
  caseId: z.uuid(),
  mediators: z
    .array(z.object({ name: z.string().trim().min(1).max(50), role: z.enum(['lead', 'assistant']) }))
    .min(1)
    .max(5)
    .refine((list) => list.filter((m) => m.role === 'lead').length === 1, {
      message: 'mediation.one_lead_mediator',
    })
    .refine((list) => new Set(list.map((m) => m.name)).size === list.length, {
      message: 'mediation.mediator_listed_twice',
    }),
});

export const ZRecordSessionRequest = z.object({
  caseId: z.uuid(),
  /** A session held, recorded within two years: not tomorrow, not in 2099. */
  heldAt: boundedMoment({ back: 731, ahead: 0 }),
  place: z.string().trim().min(2).max(100),
  summary: z.string().trim().min(2).max(4000),
  outcome: z.enum(SESSION_OUTCOMES),
});

export const ZDraftAgreementRequest = z.object({
  caseId: z.uuid(),
  /** The agreed terms, one clause each ("刘海燕于…前修复…"). */
  terms: z.array(z.string().trim().min(2).max(1000)).min(1).max(30),
});

export const ZConfirmAgreementRequest = z.object({
  caseId: z.uuid(),
  agreementId: z.uuid(),
  partyName: z.string().trim().min(1).max(50),
  method: z.enum(CONFIRMATION_METHODS),
});

export type Mediator = { name: string; role: 'lead' | 'assistant' };
export type MediationSession = {
  id: string;
  heldAt: string;
  place: string;
  summary: string;
  outcome: (typeof SESSION_OUTCOMES)[number];
  recordedBy: string;
};
export type Confirmation = {
  partyName: string;
  method: (typeof CONFIRMATION_METHODS)[number];
  confirmedAt: string;
};
export type MediationAgreement = {
  id: string;
  terms: string[];
  documentId: string;
  createdAt: string;
  judicialReferralId: string | null;
  /** Where the agreement stands with the court (see `JUDICIAL_STATUSES`). */
  judicialStatus: JudicialStatus;
  /** When the last party confirmed it: it took effect, and the 30 days to apply to a court began. */
  effectiveAt: string | null;
  confirmations: Confirmation[];
};
export type MediationRecord = {
  mediators: Mediator[];
  sessions: MediationSession[];
  agreement: MediationAgreement | null;
};

/** Replaces the case's mediators: one lead (主持调解员) and up to four assistants. */
export async function setMediators(
  db: PluginDb,
  request: z.input<typeof ZSetMediatorsRequest>,
): Promise<Mediator[]> {
  const { caseId, mediators } = ZSetMediatorsRequest.parse(request);
  await db.query(sql`delete from mediation_mediator where case_id = ${caseId}`);
  for (const mediator of mediators) {
    await db.query(sql`
      insert into mediation_mediator (tenant_id, case_id, name, role)
      values (${db.tenantId}, ${caseId}, ${mediator.name}, ${mediator.role})`);
  }
  return mediators;
}

/** Records a mediation session and its outcome. */
export async function recordSession(
  db: PluginDb,
  request: z.input<typeof ZRecordSessionRequest>,
  recordedBy: string,
): Promise<MediationSession> {
  const session = ZRecordSessionRequest.parse(request);
  const [row] = await db.query<{ id: string }>(sql`
    insert into mediation_session (tenant_id, case_id, held_at, place, summary, outcome, recorded_by)
    values (${db.tenantId}, ${session.caseId}, ${session.heldAt.toISOString()}, ${session.place},
            ${session.summary}, ${session.outcome}, ${recordedBy})
    returning id`);
  return {
    id: row?.id ?? '',
    heldAt: session.heldAt.toISOString(),
    place: session.place,
    summary: session.summary,
    outcome: session.outcome,
    recordedBy,
  };
}

/** The mediation record of a case: mediators, sessions in order, and the agreement in force. */
export async function getMediationRecord(db: PluginDb, caseId: string): Promise<MediationRecord> {
  const mediators = await db.query<Mediator>(
    sql`select name, role from mediation_mediator where case_id = ${caseId} order by role desc, name`,
  );
  const sessions = await db.query<MediationSession & Record<string, unknown>>(sql`
    select id, to_json(held_at) #>> '{}' as "heldAt", place, summary, outcome, recorded_by as "recordedBy"
    from mediation_session where case_id = ${caseId} order by held_at`);
  return { mediators: [...mediators], sessions: [...sessions], agreement: await liveAgreement(db, caseId) };
}

async function liveAgreement(db: PluginDb, caseId: string): Promise<MediationAgreement | null> {
  const [row] = await db.query<{
    id: string;
    terms: string[];
    documentId: string;
    createdAt: string;
    judicialReferralId: string | null;
    judicialStatus: JudicialStatus;
    effectiveAt: string | null;
  }>(sql`
    select id, terms, document_id as "documentId", to_json(created_at) #>> '{}' as "createdAt",
           judicial_referral_id as "judicialReferralId", judicial_status as "judicialStatus",
           to_json(effective_at) #>> '{}' as "effectiveAt"
    from mediation_agreement where case_id = ${caseId} and superseded_at is null`);
  if (!row) return null;
  const confirmations = await db.query<Confirmation & Record<string, unknown>>(sql`
    select party_name as "partyName", method, to_json(confirmed_at) #>> '{}' as "confirmedAt"
    from mediation_confirmation where agreement_id = ${row.id} order by confirmed_at, party_name`);
  return { ...row, confirmations: [...confirmations] };
}

/**
 * Records a drafted agreement, whose PDF the platform has stored as a case document. A redraft
 * replaces an agreement no party has confirmed yet; once one has, the terms are settled.
 */
export async function recordAgreement(
  db: PluginDb,
  request: { caseId: string; terms: string[]; documentId: string },
  createdBy: string,
): Promise<MediationAgreement> {
  const current = await liveAgreement(db, request.caseId);
  if (current && current.confirmations.length > 0) {
    throw new PluginRuleError('conflict', 'mediation.agreement_already_confirmed', { field: 'caseId' });
  }
  if (current) {
    await db.query(sql`update mediation_agreement set superseded_at = now() where id = ${current.id}`);
  }
  await db.query(sql`
    insert into mediation_agreement (tenant_id, case_id, terms, document_id, created_by)
    values (${db.tenantId}, ${request.caseId}, ${JSON.stringify(request.terms)}::jsonb, ${request.documentId}, ${createdBy})`);
  const created = await liveAgreement(db, request.caseId);
  if (!created) throw new Error('the agreement just recorded is not there');
  return created;
}

/** Refuses a redraft once a party has confirmed the terms; checked before the PDF is made. */
export async function requireAgreementOpen(db: PluginDb, caseId: string): Promise<void> {
  const current = await liveAgreement(db, caseId);
  if (current && current.confirmations.length > 0) {
    throw new PluginRuleError('conflict', 'mediation.agreement_already_confirmed', { field: 'caseId' });
  }
}

/**
 * Records one party's confirmation of the agreement in force. `parties` are the case's parties
 * (from its intake form): only they can confirm, each once.
 */
export async function confirmAgreement(
  db: PluginDb,
  request: z.input<typeof ZConfirmAgreementRequest>,
  parties: readonly string[],
  recordedBy: string,
): Promise<{ agreement: MediationAgreement; confirmedByAll: boolean }> {
  const input = ZConfirmAgreementRequest.parse(request);
  const agreement = await liveAgreement(db, input.caseId);
  if (!agreement || agreement.id !== input.agreementId) {
    throw new PluginRuleError('not-found', 'mediation.agreement_not_found', { field: 'agreementId' });
  }
  if (!parties.includes(input.partyName)) {
    throw new PluginRuleError('bad-request', 'mediation.not_a_party', { field: 'partyName' });
  }
  if (agreement.confirmations.some((c) => c.partyName === input.partyName)) {
    throw new PluginRuleError('conflict', 'mediation.party_already_confirmed', { field: 'partyName' });
  }
  await db.query(sql`
    insert into mediation_confirmation (tenant_id, agreement_id, party_name, method, recorded_by)
    values (${db.tenantId}, ${agreement.id}, ${input.partyName}, ${input.method}, ${recordedBy})`);
  const confirmed = new Set([...agreement.confirmations.map((c) => c.partyName), input.partyName]);
  const confirmedByAll = parties.every((p) => confirmed.has(p));
  if (confirmedByAll) {
    // Signed by every party, the agreement takes effect: the window for judicial confirmation opens.
    await db.query(sql`update mediation_agreement set effective_at = now() where id = ${agreement.id}`);
  }
  const updated = (await liveAgreement(db, input.caseId)) as MediationAgreement;
  return { agreement: updated, confirmedByAll };
}

/**
 * The agreement a court may be asked to confirm (司法确认): the one in force, confirmed by every
 * party, not yet sent. Call {@link markJudicialConfirmation} once the referral exists.
 */
export async function agreementForJudicialConfirmation(
  db: PluginDb,
  caseId: string,
  agreementId: string,
  parties: readonly string[],
): Promise<MediationAgreement> {
  const agreement = await liveAgreement(db, caseId);
  if (!agreement || agreement.id !== agreementId) {
    throw new PluginRuleError('not-found', 'mediation.agreement_not_found', { field: 'agreementId' });
  }
  if (agreement.judicialReferralId) {
    throw new PluginRuleError('conflict', 'mediation.judicial_confirmation_already_applied', {
      field: 'agreementId',
    });
  }
  if (agreement.judicialStatus === 'window-lapsed') {
    throw new PluginRuleError('conflict', 'mediation.judicial_confirmation_window_lapsed', {
      field: 'agreementId',
    });
  }
  const confirmed = new Set(agreement.confirmations.map((c) => c.partyName));
  if (!parties.every((p) => confirmed.has(p))) {
    throw new PluginRuleError('bad-request', 'mediation.agreement_not_confirmed', { field: 'agreementId' });
  }
  return agreement;
}

/** Notes the judicial-confirmation referral on the agreement. */
export async function markJudicialConfirmation(
  db: PluginDb,
  agreementId: string,
  referralId: string,
): Promise<void> {
  await db.query(
    sql`update mediation_agreement set judicial_referral_id = ${referralId}, judicial_status = 'applied'
        where id = ${agreementId}`,
  );
}
