import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, committedAtOnce, eq, schema, sql, type TenantTx } from '@linju/db';
import type { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { localDate } from '../calendar/working-days.ts';
import { servicesAt } from '../catalogue/catalogue-service.ts';
import { checkServiceCategory, checkServiceForm, type PluginForms } from '../catalogue/x-service.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications/notification-service.ts';
import { getOrganisation, isPartnerKind, type Organisation } from '../organisations/organisation-service.ts';
import { activeProviderRecords } from '../providers/provider-records.ts';
import { deskOfficersAt, stationHeadsOver } from '../staff/role-holders.ts';
import { getStaffMember } from '../staff/staff-service.ts';
import {
  type CaseRow,
  insertCaseEvent,
  type LoadedCase,
  loadCase,
  recordCaseEvent,
  requireOnCase,
} from './case-access.ts';
import { calendarFor, caseSettings, dueOnOf, resolveLimit, resumedClock, todayIn } from './case-clock.ts';
import { textIntakeReceipt, textRatingCode } from './case-messages.ts';
import { caseNames } from './case-names.ts';
import { casePartiesOf, partyValues } from './case-parties.ts';
import { addNewCaseToRollups } from './case-rollups.ts';
import {
  type IntakeRequest,
  ZAssignRequest,
  ZClockRequest,
  ZIntakeRequest,
  ZNoteRequest,
  ZStatusRequest,
  ZTransferRequest,
  ZTriageRequest,
} from './case-schemas.ts';
import { OPEN_STATUSES, requireTransition, STATUSES_WITH_REASON } from './case-status.ts';
import { caseTextTerms, tsvectorOf } from './case-text-terms.ts';
import { findConflicts } from './conflict-check.ts';
import { intakeAlertOf, raiseIntakeAlert } from './intake-alert.ts';
import {
  findOrCreateResident,
  getResident,
  publicResident,
  revealResidentField,
} from './resident-service.ts';

/** A case as lists show it: no personal data beyond the resident's name. */
export const caseSummary = (c: Omit<CaseRow, 'searchTerms'>) => ({
  id: c.id,
  number: c.number,
  channel: c.channel,
  serviceType: c.serviceType,
  category: c.category,
  urgency: c.urgency,
  status: c.status,
  statusReason: c.statusReason,
  residentId: c.residentId,
  receivedAtOrganisationId: c.receivedAtOrganisationId,
  currentOrganisationId: c.currentOrganisationId,
  assigneeId: c.assigneeId,
  firstResponderId: c.firstResponderId,
  receivedAt: c.receivedAt,
  dueOn: c.dueOn,
  waitingForResident: c.pausedSince !== null,
  limitWorkingDays: c.limitWorkingDays,
  externalRef: c.externalRef,
  resolvedAt: c.resolvedAt,
  closedAt: c.closedAt,
});
export type CaseSummary = ReturnType<typeof caseSummary>;

function requireServiceUnit(org: Organisation, field: string) {
  if (isPartnerKind(org.kind))
    throw new DomainError('bad-request', 'case.organisation_not_service_unit', { field });
  if (org.closedAt) throw new DomainError('bad-request', 'case.organisation_closed', { field });
}

/**
 * Whether the plugin is switched on at the unit (the catalogue's rule: the nearest setting decides),
 * and is a service at all: a knowledge plugin is switched on like one, but nobody is taken in for it.
 */
async function requireServiceEnabled(
  tx: TenantTx,
  org: Organisation,
  serviceType: string,
  field: string,
  plugins?: PluginForms,
) {
  if (serviceType === schema.UNDECIDED_SERVICE) return;
  if (plugins?.has(serviceType) && plugins.get(serviceType as never).kind === 'knowledge')
    throw new DomainError('bad-request', 'case.service_type_invalid', { field });
  const [state] = await servicesAt(tx, org, [serviceType]);
  if (!state?.enabled) throw new DomainError('bad-request', 'case.service_not_enabled', { field });
}

/**
 * The next number of the district's yearly sequence, e.g. XH-2026-000123. Drawn in a statement
 * committed at once, not in the intake's transaction: the counter row is locked for that statement
 * alone, so the district's intakes never wait on each other's transactions. The intake draws it
 * after every read and check; one that fails after the draw leaves its number unused (a gap). A
 * transaction that made the district itself (the demo seed's) draws in itself, as before.
 */
async function drawCaseNumber(tx: TenantTx, tenantId: string, prefix: string, year: number) {
  const [drawn] = await (committedAtOnce(tx) ?? tx).execute<{ last: number }>(
    sql`select draw_case_number(${tenantId}, ${year}) as last`,
  );
  if (!drawn) throw new Error('draw_case_number returned no row');
  // Six digits at least: a seventh when a year passes 999,999.
  return `${prefix}-${year}-${String(drawn.last).padStart(6, '0')}`;
}

/** A new case's clock: its limit runs from its day of receipt in the district's time zone. */
async function intakeClock(
  tx: TenantTx,
  tenantId: string,
  receivedAt: Date,
  serviceType: string,
  category: string | null,
) {
  const settings = await caseSettings(tx, tenantId);
  const receivedOn = localDate(receivedAt, settings.timeZone);
  const [limitWorkingDays, calendar] = await Promise.all([
    resolveLimit(tx, settings, serviceType, category),
    loadCalendar(tx, receivedOn),
  ]);
  const clock = { limitWorkingDays, clockStartedOn: receivedOn, pausedWorkingDays: 0, pausedSince: null };
  return { settings, receivedOn, clock, dueOn: dueOnOf(clock, calendar) };
}

/**
 * The case an earlier intake with this channel's reference made (a 12345 order number, or a
 * client's key for its submission), so that a request sent again after its answer was lost — a
 * proxy's 502 when a server died after the commit — answers that case instead of a second one. The
 * same reference for another matter is refused. The lock makes two racing sends one.
 */
async function earlierIntake(tx: TenantTx, tenantId: string, input: z.output<typeof ZIntakeRequest>) {
  if (!input.externalRef) return null;
  const key = `intake:${tenantId}:${input.channel}:${input.externalRef}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  const [row] = await tx
    .select()
    .from(schema.legalCase)
    .where(
      and(eq(schema.legalCase.channel, input.channel), eq(schema.legalCase.externalRef, input.externalRef)),
    );
  if (!row) return null;
  if (row.receivedAtOrganisationId !== input.organisationId || row.description !== input.description)
    throw new DomainError('conflict', 'case.external_ref_taken', {
      field: 'externalRef',
      params: { number: row.number },
    });
  return row;
}

/**
 * Takes a matter in (前台受理) from any channel. The receiving staff member becomes its first
 * responder (首问负责制); the resident is found again by ID number or phone or recorded; the time
 * limit of the service and category starts the day after receipt.
 */
export async function intakeCase(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: IntakeRequest,
  plugins?: PluginForms,
) {
  const input = ZIntakeRequest.parse(request);
  const org = await getOrganisation(tx, input.organisationId);
  requireServiceUnit(org, 'organisationId');
  requirePermission(actor, 'case.intake', org.path);
  const earlier = await earlierIntake(tx, actor.tenantId, input);
  if (earlier) {
    const resident = await getResident(tx, earlier.residentId);
    return {
      ...caseSummary(earlier),
      resident: publicResident(resident),
      residentMatched: 'given' as const,
      repeated: true,
    };
  }
  await requireServiceEnabled(tx, org, input.serviceType, 'serviceType', plugins);
  await checkServiceCategory(tx, plugins, input.serviceType, input.category);
  const form = input.form ? await checkServiceForm(tx, plugins, input.serviceType, input.form) : {};
  const alert = input.form ? intakeAlertOf(plugins, input.serviceType, form) : null;

  const found = input.residentId
    ? getResident(tx, input.residentId).then((r) => ({ resident: r, matched: 'given' as const }))
    : input.resident
      ? findOrCreateResident(tx, actor, box, input.resident)
      : null;
  if (!found) throw new DomainError('bad-request', 'case.resident_required', { field: 'resident' });
  // The resident and the clock in one pipelined round: neither needs the other.
  const receivedAt = input.receivedAt ?? new Date();
  const [{ resident, matched }, { settings, receivedOn, clock, dueOn }] = await Promise.all([
    found,
    intakeClock(tx, actor.tenantId, receivedAt, input.serviceType, input.category ?? null),
  ]);
  const id = randomUUID();
  const number = await drawCaseNumber(
    tx,
    actor.tenantId,
    settings.numberPrefix,
    Number(receivedOn.slice(0, 4)),
  );
  const [row] = await tx
    .insert(schema.legalCase)
    .values({
      tenantId: actor.tenantId,
      id,
      number,
      channel: input.channel,
      externalRef: input.externalRef ?? null,
      serviceType: input.serviceType,
      category: input.category ?? null,
      description: input.description,
      searchTerms: tsvectorOf(caseTextTerms(input.description)),
      form,
      // An alert (a risk of harm) makes the case critical whatever the desk chose.
      urgency: alert ? 'critical' : input.urgency,
      residentId: resident.id,
      receivedAtOrganisationId: org.id,
      currentOrganisationId: org.id,
      firstResponderId: actor.id,
      receivedAt,
      ...clock,
      dueOn,
    })
    .returning();
  if (!row) throw new Error('case insert returned no row');
  const data = {
    channel: row.channel,
    organisationId: org.id,
    serviceType: row.serviceType,
    residentMatched: matched,
  };
  // The writes that need the case, in one pipelined round (`recordCaseEvent`'s three steps,
  // unrolled for a new case; the audit entry and the receipt's SMS with its own entry, in the order
  // written).
  await Promise.all([
    input.parties.length > 0
      ? tx.insert(schema.caseParty).values(
          // One statement shares one now(): a microsecond apiece keeps the parties in the order given.
          input.parties.map((p, i) => ({
            ...partyValues(box, actor.tenantId, id, p),
            createdAt: sql`now() + ${i} * interval '1 microsecond'`,
          })),
        )
      : null,
    insertCaseEvent(tx, {
      tenantId: row.tenantId,
      caseId: row.id,
      kind: 'created',
      actorId: actor.id,
      actorName: actor.name,
      text: null,
      data: { ...data, action: 'case.created' },
    }),
    addNewCaseToRollups(tx, row, { timeZone: settings.timeZone, keyGroups: resident.keyGroups }),
    appendAudit(tx, {
      ...auditActor(actor),
      action: 'case.created',
      objectType: 'case',
      objectId: row.id,
      after: { ...caseSummary(row), parties: input.parties.length },
    }),
    alert ? null : textIntakeReceipt(tx, actor, box, row, resident),
  ]);
  // An alert (rare) tells its people before the resident's receipt, as the desk would.
  if (alert) {
    await raiseIntakeAlert(tx, actor, box, row, org.path, alert);
    await textIntakeReceipt(tx, actor, box, row, resident);
  }
  return {
    ...caseSummary(row),
    resident: publicResident(resident),
    residentMatched: matched,
    repeated: false,
  };
}

/** 研判分流: classifies the case; the time limit follows the new service and category. */
export async function triageCase(tx: TenantTx, actor: Actor, request: unknown, plugins?: PluginForms) {
  const input = ZTriageRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.manage', c);
  if (!OPEN_STATUSES.includes(c.row.status)) requireTransition(c.row.status, 'triaged');
  const org = await getOrganisation(tx, c.row.currentOrganisationId);
  await requireServiceEnabled(tx, org, input.serviceType, 'serviceType', plugins);
  await checkServiceCategory(tx, plugins, input.serviceType, input.category);
  const form = input.form ? await checkServiceForm(tx, plugins, input.serviceType, input.form) : undefined;
  const settings = await caseSettings(tx, actor.tenantId);
  const limitWorkingDays = await resolveLimit(tx, settings, input.serviceType, input.category ?? null);
  const clock = { ...c.row, limitWorkingDays };
  const [row] = await tx
    .update(schema.legalCase)
    .set({
      serviceType: input.serviceType,
      category: input.category ?? null,
      urgency: input.urgency ?? c.row.urgency,
      ...(form ? { form } : {}),
      status: c.row.status === 'received' ? 'triaged' : c.row.status,
      limitWorkingDays,
      dueOn: dueOnOf(clock, await calendarFor(tx, clock)),
      updatedAt: new Date(),
    })
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await recordCaseEvent(tx, actor, row, {
    kind: 'triaged',
    action: 'case.triaged',
    text: input.note ?? null,
    data: { serviceType: row.serviceType, category: row.category, urgency: row.urgency, limitWorkingDays },
    before: caseSummary(c.row),
    after: caseSummary(row),
  });
  return caseSummary(row);
}

/**
 * Assigns a person. When they acted for or against one of the case's parties elsewhere in the
 * district, the assignment is refused until a reason is given; the reason and the conflicts go
 * on the timeline.
 */
export async function assignCase(tx: TenantTx, actor: Actor, request: unknown) {
  const input = ZAssignRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.manage', c);
  if (!OPEN_STATUSES.includes(c.row.status)) {
    throw new DomainError('conflict', 'case.not_open', { field: 'caseId', params: { status: c.row.status } });
  }
  const assignee = await getStaffMember(tx, input.assigneeId);
  if (assignee.disabledAt)
    throw new DomainError('bad-request', 'case.assignee_disabled', { field: 'assigneeId' });
  const conflicts = await findConflicts(tx, c.row.id, assignee.id);
  if (conflicts.length > 0 && !input.conflictReason) {
    throw new DomainError('conflict', 'case.conflict_of_interest', {
      field: 'conflictReason',
      params: { cases: conflicts.map((x) => x.number).join(', ') },
    });
  }
  // 负面清单: an active listing refuses the assignment unless a reason is given; a misconduct
  // record only warns (it comes back with the result and goes on the timeline).
  const providerRecords = await activeProviderRecords(tx, actor.tenantId, assignee.id);
  const listed = providerRecords.filter((r) => r.kind === 'negative-list');
  if (listed.length > 0 && !input.negativeListReason) {
    throw new DomainError('conflict', 'case.assignee_negative_listed', {
      field: 'negativeListReason',
      params: { name: assignee.displayName, records: listed.map((r) => r.description).join('; ') },
    });
  }
  const [row] = await tx
    .update(schema.legalCase)
    .set({ assigneeId: assignee.id, updatedAt: new Date() })
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await tx
    .insert(schema.caseHandler)
    .values({ tenantId: actor.tenantId, caseId: row.id, staffMemberId: assignee.id })
    .onConflictDoNothing();
  await recordCaseEvent(tx, actor, row, {
    kind: 'assigned',
    action: 'case.assigned',
    text:
      [input.conflictReason, listed.length > 0 ? input.negativeListReason : null]
        .filter(Boolean)
        .join('\n') || null,
    data: {
      assigneeId: assignee.id,
      assigneeName: assignee.displayName,
      previousAssigneeId: c.row.assigneeId,
      conflicts: conflicts.map((x) => ({ caseId: x.caseId, number: x.number, relation: x.relation })),
      providerRecords: providerRecords.map((r) => ({ id: r.id, kind: r.kind })),
      // Each reason under the check it answers (the text joins them for the timeline).
      ...(conflicts.length > 0 ? { conflictReason: input.conflictReason } : {}),
      ...(listed.length > 0 ? { negativeListReason: input.negativeListReason } : {}),
    },
  });
  // The assignee hears of it with the change (nobody is told of their own choice of themselves).
  await notify(tx, {
    tenantId: actor.tenantId,
    recipientIds: assignee.id === actor.id ? [] : [assignee.id],
    kind: 'case.assigned',
    caseId: row.id,
    messageKey: 'notification.case_assigned',
    params: { number: row.number, by: actor.name },
  });
  return {
    ...caseSummary(row),
    conflicts,
    providerRecords: providerRecords.map((r) => ({ id: r.id, kind: r.kind, description: r.description })),
  };
}

/**
 * Transfers the case to another unit, with a reason. The assignee is released (the receiving unit
 * assigns its own); the first responder stays accountable and keeps seeing the case.
 */
export async function transferCase(tx: TenantTx, actor: Actor, request: unknown) {
  const input = ZTransferRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.manage', c);
  if (!OPEN_STATUSES.includes(c.row.status)) {
    throw new DomainError('conflict', 'case.not_open', { field: 'caseId', params: { status: c.row.status } });
  }
  const target = await getOrganisation(tx, input.organisationId);
  requireServiceUnit(target, 'organisationId');
  if (target.id === c.row.currentOrganisationId) {
    throw new DomainError('bad-request', 'case.transfer_same_organisation', { field: 'organisationId' });
  }
  await requireServiceEnabled(tx, target, c.row.serviceType, 'organisationId');
  const [row] = await tx
    .update(schema.legalCase)
    .set({ currentOrganisationId: target.id, assigneeId: null, updatedAt: new Date() })
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await recordCaseEvent(tx, actor, row, {
    kind: 'transferred',
    action: 'case.transferred',
    text: input.reason,
    data: { fromOrganisationId: c.row.currentOrganisationId, toOrganisationId: target.id },
  });
  // The receiving unit must assign it: its heads and its front desk hear of it with the change.
  const from = await getOrganisation(tx, c.row.currentOrganisationId);
  const recipients = [
    ...(await stationHeadsOver(tx, target.path)),
    ...(await deskOfficersAt(tx, target.id)),
  ].filter((id) => id !== actor.id);
  await notify(tx, {
    tenantId: actor.tenantId,
    recipientIds: recipients,
    kind: 'case.transferred',
    caseId: row.id,
    messageKey: 'notification.case_transferred',
    // The unit's proper (Chinese) name: both catalogues must take the same placeholders.
    params: { number: row.number, from: from.nameZh },
  });
  return caseSummary(row);
}

/**
 * Moves the case through the state machine. Feedback-given is reached by recording the feedback,
 * triaged by triage; withdrawn and rejected need a reason; closing may need a satisfaction rating.
 * Given the secret box, closing also sends the resident a rating code (`textRatingCode`).
 */
export async function changeCaseStatus(tx: TenantTx, actor: Actor, request: unknown, box?: SecretBox) {
  const input = ZStatusRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, input.status === 'rejected' ? 'case.manage' : 'case.handle', c);
  requireTransition(c.row.status, input.status);
  if (STATUSES_WITH_REASON.includes(input.status) && !input.reason) {
    throw new DomainError('bad-request', 'case.reason_required', { field: 'reason' });
  }
  if (input.status === 'closed') {
    const settings = await caseSettings(tx, actor.tenantId);
    if (settings.requireSatisfactionToClose) {
      const [rated] = await tx
        .select({ score: schema.satisfaction.score })
        .from(schema.satisfaction)
        .where(eq(schema.satisfaction.caseId, c.row.id));
      if (!rated) throw new DomainError('conflict', 'case.satisfaction_required', { field: 'status' });
    }
  }
  const now = new Date();
  const update: Partial<CaseRow> = { status: input.status, updatedAt: now };
  if (STATUSES_WITH_REASON.includes(input.status)) update.statusReason = input.reason ?? null;
  if (input.status === 'resolved') Object.assign(update, { resolvedAt: now, dueOn: null, pausedSince: null });
  if (input.status === 'closed') update.closedAt = now;
  if (input.status === 'withdrawn' || input.status === 'rejected')
    Object.assign(update, { closedAt: now, dueOn: null });
  if (input.status === 'in-progress' && c.row.status === 'resolved') {
    // Reopened: the clock runs again on the limit it had.
    update.resolvedAt = null;
    update.dueOn = dueOnOf({ ...c.row, pausedSince: null }, await calendarFor(tx, c.row));
  }
  const [row] = await tx
    .update(schema.legalCase)
    .set(update)
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await recordCaseEvent(tx, actor, row, {
    kind: 'status',
    action: 'case.status_changed',
    text: input.reason ?? null,
    data: { from: c.row.status, to: row.status },
  });
  // With the secret box (the API's calls) a close texts the resident their rating code.
  if (box && row.status === 'closed') await textRatingCode(tx, actor, box, row);
  return caseSummary(row);
}

/** "Waiting for the resident" stops the clock; the resident's reply starts it again, later by the days waited. */
export async function setWaitingForResident(tx: TenantTx, actor: Actor, request: unknown) {
  const input = ZClockRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  if (!OPEN_STATUSES.includes(c.row.status)) {
    throw new DomainError('conflict', 'case.not_open', { field: 'caseId', params: { status: c.row.status } });
  }
  if (input.waiting === (c.row.pausedSince !== null)) {
    throw new DomainError('conflict', input.waiting ? 'case.already_waiting' : 'case.not_waiting', {
      field: 'waiting',
    });
  }
  const today = todayIn(await caseSettings(tx, actor.tenantId));
  const calendar = await calendarFor(tx, c.row);
  const clock = input.waiting ? { ...c.row, pausedSince: today } : resumedClock(c.row, today, calendar);
  const [row] = await tx
    .update(schema.legalCase)
    .set({
      pausedSince: clock.pausedSince,
      pausedWorkingDays: clock.pausedWorkingDays,
      dueOn: dueOnOf(clock, calendar),
      updatedAt: new Date(),
    })
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await recordCaseEvent(tx, actor, row, {
    kind: 'clock',
    action: input.waiting ? 'case.clock_paused' : 'case.clock_resumed',
    text: input.note ?? null,
    data: { waiting: input.waiting, pausedWorkingDays: row.pausedWorkingDays, dueOn: row.dueOn },
  });
  return caseSummary(row);
}

export async function addCaseNote(tx: TenantTx, actor: Actor, request: unknown) {
  const input = ZNoteRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  await recordCaseEvent(tx, actor, c.row, { kind: 'note', action: 'case.note_added', text: input.text });
  return { ok: true as const };
}

/** The case page: the case, its resident (masked), parties, timeline, documents, conferences, feedback. */
export async function getCase(tx: TenantTx, actor: Actor, input: { caseId: string }) {
  return caseOf(tx, actor, await loadCase(tx, input.caseId));
}

/** `getCase` for a case already loaded (the case page reads it once for all its parts). */
export async function caseOf(tx: TenantTx, actor: Actor, c: LoadedCase) {
  requireOnCase(actor, 'case.read', c);
  const id = c.row.id;
  const [resident, parties, events, documents, consultations, attendees, feedback, rating] =
    await Promise.all([
      getResident(tx, c.row.residentId),
      casePartiesOf(tx, id),
      tx.select().from(schema.caseEvent).where(eq(schema.caseEvent.caseId, id)).orderBy(schema.caseEvent.seq),
      tx.select().from(schema.caseDocument).where(eq(schema.caseDocument.caseId, id)),
      tx.select().from(schema.jointConsultation).where(eq(schema.jointConsultation.caseId, id)),
      tx
        .select({ a: schema.jointConsultationAttendee })
        .from(schema.jointConsultationAttendee)
        .innerJoin(
          schema.jointConsultation,
          eq(schema.jointConsultation.id, schema.jointConsultationAttendee.consultationId),
        )
        .where(eq(schema.jointConsultation.caseId, id)),
      tx.select().from(schema.residentFeedback).where(eq(schema.residentFeedback.caseId, id)),
      tx.select().from(schema.satisfaction).where(eq(schema.satisfaction.caseId, id)),
    ]);
  return {
    ...caseSummary(c.row),
    names: await caseNames(tx, c.row),
    description: c.row.description,
    form: c.row.form,
    clock: {
      clockStartedOn: c.row.clockStartedOn,
      pausedWorkingDays: c.row.pausedWorkingDays,
      pausedSince: c.row.pausedSince,
    },
    resident: publicResident(resident),
    parties,
    timeline: events.map(({ tenantId: _, caseId: __, ...e }) => e),
    documents: documents.map(({ tenantId: _, storageKey: __, ...d }) => d),
    consultations: consultations.map(({ tenantId: _, ...j }) => ({
      ...j,
      attendees: attendees
        .filter((x) => x.a.consultationId === j.id)
        .sort((x, y) => x.a.position - y.a.position)
        .map(({ a }) => ({ staffMemberId: a.staffMemberId, name: a.name, capacity: a.capacity })),
    })),
    feedback: feedback.map(({ tenantId: _, ...f }) => f),
    satisfaction: rating[0]
      ? { score: rating[0].score, comment: rating[0].comment, source: rating[0].source }
      : null,
  };
}

export type { LoadedCase };
/**
 * Reads a case for the parts that take one already loaded (`caseOf`, `caseChainOf`…); each checks
 * the reader's rights itself.
 */
export { loadCase };

/** A case's resident's full phone or ID number, for someone working the case; every reading is audited. */
export async function revealCaseResident(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  input: { caseId: string; field: 'phone' | 'idNumber' },
) {
  const c = await loadCase(tx, input.caseId);
  requireOnCase(actor, 'case.handle', c);
  return revealResidentField(tx, actor, box, await getResident(tx, c.row.residentId), input.field);
}
