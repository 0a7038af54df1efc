import { type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { checkEligibility, decisionDueOn, type EligibilityCheck } from './hardship-check.ts';
import type { LegalAidIntake } from './intake-form.ts';

export const CLOSURE_OUTCOMES = [
  'won',
  'partly-won',
  'lost',
  'settled',
  'mediated',
  'withdrawn',
  'sentence-reduced',
] as const;

// An amount the page could not read as yuan arrives as NaN and is named as such.
const yuan = z.number({ error: 'legal-aid.amount_invalid' }).positive().max(1e8).multipleOf(0.01);

export const ZSetThresholdRequest = z.object({
  effectiveFrom: z.iso.date(),
  monthlyPerCapitaIncome: yuan,
  /** Where the figure comes from ("本市最低工资标准 2690 元"). */
  basis: z.string().trim().min(2).max(200),
});

export const ZDecideRequest = z
  .object({
    caseId: z.uuid(),
    granted: z.boolean(),
    /** Required when refusing: the applicant is told why. */
    reason: z.string().trim().min(2).max(2000).optional(),
  })
  .refine((d) => d.granted || d.reason, { path: ['reason'], message: 'legal-aid.reason_required' });

export const ZClosureReportRequest = z.object({
  caseId: z.uuid(),
  lawyerName: z.string().trim().min(1).max(50),
  outcome: z.enum(CLOSURE_OUTCOMES),
  amountRecovered: yuan.optional(),
  summary: z.string().trim().min(10).max(4000),
});

export const ZSubsidyRequest = z.object({
  caseId: z.uuid(),
  /** The lawyer or firm paid (办案补贴). */
  recipient: z.string().trim().min(1).max(100),
  amount: yuan,
  basis: z.string().trim().min(2).max(200),
  paidOn: z.iso.date(),
});

export type Threshold = { effectiveFrom: string; monthlyPerCapitaIncome: number; basis: string };
export type Decision = {
  granted: boolean;
  route: string;
  perCapitaIncome: number | null;
  threshold: number | null;
  reason: string | null;
  dueOn: string;
  decidedOn: string;
  late: boolean;
};
export type ClosureReport = z.output<typeof ZClosureReportRequest> & { reportedBy: string };
export type Subsidy = { id: string; recipient: string; amount: number; basis: string; paidOn: string };
export type LegalAidRecord = {
  check: EligibilityCheck;
  dueOn: string;
  decision: Decision | null;
  closure: ClosureReport | null;
  subsidies: Subsidy[];
  subsidyTotal: number;
};

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Sets the district's threshold from a day on; earlier applications keep the one in force then. */
export async function setThreshold(
  db: PluginDb,
  request: z.input<typeof ZSetThresholdRequest>,
  setBy: string,
): Promise<Threshold> {
  const t = ZSetThresholdRequest.parse(request);
  await db.query(sql`
    insert into legal_aid_threshold (tenant_id, effective_from, monthly_per_capita_income, basis, set_by)
    values (${db.tenantId}, ${t.effectiveFrom}, ${t.monthlyPerCapitaIncome}, ${t.basis}, ${setBy})
    on conflict (tenant_id, effective_from) do update
      set monthly_per_capita_income = excluded.monthly_per_capita_income, basis = excluded.basis,
          set_by = excluded.set_by, set_at = now()`);
  await db.audit({
    action: 'legal-aid.threshold.set',
    objectType: 'legal_aid_threshold',
    objectId: t.effectiveFrom,
    after: t,
  });
  return t;
}

/** The thresholds of the district, newest first. */
export async function listThresholds(db: PluginDb): Promise<Threshold[]> {
  const rows = await db.query<{ effective_from: string; amount: string; basis: string }>(sql`
    select effective_from::text as effective_from, monthly_per_capita_income::text as amount, basis
    from legal_aid_threshold order by effective_from desc`);
  return rows.map((r) => ({
    effectiveFrom: r.effective_from,
    monthlyPerCapitaIncome: Number(r.amount),
    basis: r.basis,
  }));
}

async function thresholdOn(db: PluginDb, day: string): Promise<number | null> {
  const [row] = await db.query<{ amount: string }>(sql`
    select monthly_per_capita_income::text as amount from legal_aid_threshold
    where effective_from <= ${day} order by effective_from desc limit 1`);
  return num(row?.amount);
}

/** The case as the legal-aid office sees it; `receivedOn` is the application's local date. */
export type LegalAidCase = { caseId: string; receivedOn: string; today: string; intake: LegalAidIntake };

/** The application's check, decision, closure report and subsidies. */
export async function getLegalAidRecord(db: PluginDb, c: LegalAidCase): Promise<LegalAidRecord> {
  const check = checkEligibility(c.intake, await thresholdOn(db, c.receivedOn));
  const [decision] = await db.query<Record<string, unknown>>(sql`
    select granted, route, per_capita_income::text as pci, threshold::text as threshold, reason,
           due_on::text as due_on, decided_on::text as decided_on
    from legal_aid_decision where case_id = ${c.caseId}`);
  const [closure] = await db.query<Record<string, unknown>>(sql`
    select lawyer_name, outcome, amount_recovered::text as amount, summary, reported_by
    from legal_aid_closure where case_id = ${c.caseId}`);
  const subsidies = await db.query<{
    id: string;
    recipient: string;
    amount: string;
    basis: string;
    paid_on: string;
  }>(sql`
    select id, recipient, amount::text as amount, basis, paid_on::text as paid_on
    from legal_aid_subsidy where case_id = ${c.caseId} order by paid_on, recorded_at`);
  const list = subsidies.map((s) => ({
    id: s.id,
    recipient: s.recipient,
    amount: Number(s.amount),
    basis: s.basis,
    paidOn: s.paid_on,
  }));
  return {
    check,
    dueOn: decisionDueOn(c.receivedOn),
    decision: decision
      ? {
          granted: decision.granted as boolean,
          route: decision.route as string,
          perCapitaIncome: num(decision.pci),
          threshold: num(decision.threshold),
          reason: (decision.reason as string | null) ?? null,
          dueOn: decision.due_on as string,
          decidedOn: decision.decided_on as string,
          late: (decision.decided_on as string) > (decision.due_on as string),
        }
      : null,
    closure: closure
      ? {
          caseId: c.caseId,
          lawyerName: closure.lawyer_name as string,
          outcome: closure.outcome as ClosureReport['outcome'],
          ...(closure.amount ? { amountRecovered: Number(closure.amount) } : {}),
          summary: closure.summary as string,
          reportedBy: closure.reported_by as string,
        }
      : null,
    subsidies: list,
    subsidyTotal: Math.round(list.reduce((sum, s) => sum + s.amount * 100, 0)) / 100,
  };
}

/**
 * Decides an application once. Aid is granted only when the check passes (scope, exemption or
 * threshold); a refusal carries its reason. The check's figures are kept with the decision, so a
 * later change of the threshold does not rewrite history.
 */
export async function decide(
  db: PluginDb,
  c: LegalAidCase,
  request: z.input<typeof ZDecideRequest>,
  decidedBy: string,
): Promise<Decision> {
  const input = ZDecideRequest.parse(request);
  const record = await getLegalAidRecord(db, c);
  if (record.decision)
    throw new PluginRuleError('conflict', 'legal-aid.already_decided', { field: 'caseId' });
  if (input.granted && !record.check.eligible) {
    throw new PluginRuleError('bad-request', record.check.reason, { field: 'granted' });
  }
  await db.query(sql`
    insert into legal_aid_decision (tenant_id, case_id, granted, route, per_capita_income, threshold, reason, due_on, decided_on, decided_by)
    values (${db.tenantId}, ${c.caseId}, ${input.granted}, ${record.check.route}, ${record.check.perCapitaIncome},
            ${record.check.threshold}, ${input.reason ?? null}, ${record.dueOn}, ${c.today}, ${decidedBy})`);
  return (await getLegalAidRecord(db, c)).decision as Decision;
}

/** The closure report (结案报告) of a granted case; written once. */
export async function reportClosure(
  db: PluginDb,
  c: LegalAidCase,
  request: z.input<typeof ZClosureReportRequest>,
  reportedBy: string,
): Promise<ClosureReport> {
  const report = ZClosureReportRequest.parse(request);
  const record = await getLegalAidRecord(db, c);
  if (!record.decision?.granted)
    throw new PluginRuleError('bad-request', 'legal-aid.not_granted', { field: 'caseId' });
  if (record.closure)
    throw new PluginRuleError('conflict', 'legal-aid.already_reported', { field: 'caseId' });
  await db.query(sql`
    insert into legal_aid_closure (tenant_id, case_id, lawyer_name, outcome, amount_recovered, summary, reported_by)
    values (${db.tenantId}, ${c.caseId}, ${report.lawyerName}, ${report.outcome}, ${report.amountRecovered ?? null},
            ${report.summary}, ${reportedBy})`);
  return { ...report, reportedBy };
}

/** Records a subsidy paid for a granted case (办案补贴). */
export async function recordSubsidy(
  db: PluginDb,
  c: LegalAidCase,
  request: z.input<typeof ZSubsidyRequest>,
  recordedBy: string,
): Promise<Subsidy> {
  const subsidy = ZSubsidyRequest.parse(request);
  const record = await getLegalAidRecord(db, c);
  if (!record.decision?.granted)
    throw new PluginRuleError('bad-request', 'legal-aid.not_granted', { field: 'caseId' });
  const [row] = await db.query<{ id: string }>(sql`
    insert into legal_aid_subsidy (tenant_id, case_id, recipient, amount, basis, paid_on, recorded_by)
    values (${db.tenantId}, ${c.caseId}, ${subsidy.recipient}, ${subsidy.amount}, ${subsidy.basis}, ${subsidy.paidOn}, ${recordedBy})
    returning id`);
  return {
    id: row?.id ?? '',
    recipient: subsidy.recipient,
    amount: subsidy.amount,
    basis: subsidy.basis,
    paidOn: subsidy.paidOn,
  };
}

/**
 * The subsidies paid in a month (`YYYY-MM`, by their paid-on day), in fen, for the district's
 * monthly subsidy ledger: it takes each over once, linked by its id.
 */
export async function listSubsidiesPaidIn(db: PluginDb, month: string) {
  return db.query<{ id: string; caseId: string; recipient: string; amountFen: number; basis: string }>(sql`
    select id, case_id as "caseId", recipient, round(amount * 100)::int as "amountFen", basis
    from legal_aid_subsidy where to_char(paid_on, 'YYYY-MM') = ${month} order by paid_on, recorded_at`);
}
