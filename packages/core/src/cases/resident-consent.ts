import { randomUUID } from 'node:crypto';
import { and, eq, isNull, schema, type TenantTx } from '@linju/db';
import { boundedDay } from '@linju/plugin-sdk';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { isPartnerKind } from '../organisations/organisation-service.ts';
import { type LoadedCase, loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import { caseSettings, todayIn } from './case-clock.ts';

export type ConsentPurpose = schema.ConsentPurpose;

/** The day a resident agreed: not ahead of today, and within two years. */
const ZDay = boundedDay({ back: 731, ahead: 0 });

export const ZConsentRequest = z.object({
  caseId: z.uuid(),
  purpose: z.enum(schema.CONSENT_PURPOSES),
  /** Only for `share-with-partner`: the partner the resident named. */
  partnerOrganisationId: z.uuid().nullish(),
  /** The day the resident agreed; today in the district when omitted. */
  givenOn: ZDay.optional(),
});

export const ZWithdrawConsentRequest = z.object({
  caseId: z.uuid(),
  consentId: z.uuid(),
  withdrawnOn: ZDay.optional(),
});

const standing = (residentId: string, purpose: ConsentPurpose, partnerId: string | null) =>
  and(
    eq(schema.residentConsent.residentId, residentId),
    eq(schema.residentConsent.purpose, purpose),
    partnerId
      ? eq(schema.residentConsent.partnerOrganisationId, partnerId)
      : isNull(schema.residentConsent.partnerOrganisationId),
    isNull(schema.residentConsent.withdrawnOn),
  );

/** Whether the resident's consent for `purpose` (and partner) stands: given and not withdrawn. */
export async function hasConsent(
  tx: TenantTx,
  residentId: string,
  purpose: ConsentPurpose,
  partnerOrganisationId: string | null = null,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: schema.residentConsent.id })
    .from(schema.residentConsent)
    .where(standing(residentId, purpose, partnerOrganisationId))
    .limit(1);
  return Boolean(row);
}

const MISSING: Readonly<Record<ConsentPurpose, string>> = {
  'record-keeping': 'consent.record_keeping_missing',
  'feedback-contact': 'consent.feedback_contact_missing',
  'share-with-partner': 'consent.share_with_partner_missing',
};

/** Refuses, naming the purpose, when the resident has not agreed to it. */
export async function requireConsent(
  tx: TenantTx,
  residentId: string,
  purpose: ConsentPurpose,
  partnerOrganisationId: string | null = null,
): Promise<void> {
  if (!(await hasConsent(tx, residentId, purpose, partnerOrganisationId))) {
    throw new DomainError('conflict', MISSING[purpose], {
      field: 'consent',
      params: { purpose },
    });
  }
}

/**
 * Records what the case's resident agreed to, for one purpose (keeping the record, being
 * contacted for feedback, sharing with a named partner), dated, on the case's timeline with its
 * audit entry. Recording a consent that already stands changes nothing. The same rows are what
 * referrals check before anything goes to a partner.
 */
export async function recordConsent(tx: TenantTx, actor: Actor, request: z.input<typeof ZConsentRequest>) {
  const input = ZConsentRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  const partnerId = input.partnerOrganisationId ?? null;
  if (input.purpose === 'share-with-partner') {
    if (!partnerId) {
      throw new DomainError('bad-request', 'consent.partner_required', { field: 'partnerOrganisationId' });
    }
    const [partner] = await tx
      .select({ kind: schema.organisation.kind })
      .from(schema.organisation)
      .where(eq(schema.organisation.id, partnerId));
    if (!partner || !isPartnerKind(partner.kind)) {
      throw new DomainError('bad-request', 'consent.partner_required', { field: 'partnerOrganisationId' });
    }
  } else if (partnerId) {
    throw new DomainError('bad-request', 'consent.partner_only_for_sharing', {
      field: 'partnerOrganisationId',
    });
  }
  const [existing] = await tx
    .select()
    .from(schema.residentConsent)
    .where(standing(c.row.residentId, input.purpose, partnerId));
  if (existing) return { id: existing.id, givenOn: existing.givenOn, created: false };
  const givenOn = input.givenOn ?? todayIn(await caseSettings(tx, actor.tenantId));
  const id = randomUUID();
  await tx.insert(schema.residentConsent).values({
    tenantId: actor.tenantId,
    id,
    residentId: c.row.residentId,
    purpose: input.purpose,
    partnerOrganisationId: partnerId,
    givenOn,
    recordedBy: actor.id,
  });
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'consent',
    action: 'case.consent_recorded',
    data: { consentId: id, purpose: input.purpose, partnerOrganisationId: partnerId, givenOn },
  });
  return { id, givenOn, created: true };
}

/** Dates the withdrawal of a consent; the row is kept, so what was agreed when stays on record. */
export async function withdrawConsent(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZWithdrawConsentRequest>,
) {
  const input = ZWithdrawConsentRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  const [consent] = await tx
    .select()
    .from(schema.residentConsent)
    .where(
      and(
        eq(schema.residentConsent.id, input.consentId),
        eq(schema.residentConsent.residentId, c.row.residentId),
      ),
    )
    .for('update');
  if (!consent) throw new DomainError('not-found', 'consent.not_found', { field: 'consentId' });
  if (consent.withdrawnOn) {
    throw new DomainError('conflict', 'consent.already_withdrawn', {
      field: 'consentId',
      params: { withdrawnOn: consent.withdrawnOn },
    });
  }
  const withdrawnOn = input.withdrawnOn ?? todayIn(await caseSettings(tx, actor.tenantId));
  if (withdrawnOn < consent.givenOn) {
    throw new DomainError('bad-request', 'consent.withdrawn_before_given', { field: 'withdrawnOn' });
  }
  await tx
    .update(schema.residentConsent)
    .set({ withdrawnOn })
    .where(eq(schema.residentConsent.id, consent.id));
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'consent',
    action: 'case.consent_withdrawn',
    data: {
      consentId: consent.id,
      purpose: consent.purpose,
      partnerOrganisationId: consent.partnerOrganisationId,
      withdrawnOn,
    },
  });
  return { id: consent.id, withdrawnOn };
}

/** Every consent of the case's resident, standing and withdrawn, with the partner's names. */
export async function listCaseConsents(tx: TenantTx, actor: Actor, input: { caseId: string }) {
  return caseConsentsOf(tx, actor, await loadCase(tx, z.uuid().parse(input.caseId)));
}

/** `listCaseConsents` for a case already loaded. */
export async function caseConsentsOf(tx: TenantTx, actor: Actor, c: LoadedCase) {
  requireOnCase(actor, 'case.read', c);
  return tx
    .select({
      id: schema.residentConsent.id,
      purpose: schema.residentConsent.purpose,
      partnerOrganisationId: schema.residentConsent.partnerOrganisationId,
      partnerNameZh: schema.organisation.nameZh,
      partnerNameEn: schema.organisation.nameEn,
      givenOn: schema.residentConsent.givenOn,
      withdrawnOn: schema.residentConsent.withdrawnOn,
    })
    .from(schema.residentConsent)
    .leftJoin(
      schema.organisation,
      and(
        eq(schema.organisation.tenantId, schema.residentConsent.tenantId),
        eq(schema.organisation.id, schema.residentConsent.partnerOrganisationId),
      ),
    )
    .where(eq(schema.residentConsent.residentId, c.row.residentId))
    .orderBy(schema.residentConsent.recordedAt);
}
