import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, schema, sql, type TenantTx } from '@linju/db';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { districtToday } from '../providers/provider-records.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';

export const ZSubsidyMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' });

export const ZSubsidyRuleRequest = z.object({
  serviceType: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'case.service_type_invalid' }),
  outcome: z.enum(schema.SUBSIDY_OUTCOMES),
  /** In fen (分): 20000 is 200 yuan. At most 100,000 yuan a case. */
  amountFen: z
    .number()
    .int({ message: 'subsidy.amount_invalid' })
    .min(0, { message: 'subsidy.amount_invalid' })
    .max(10_000_000, { message: 'subsidy.amount_invalid' }),
});

export async function listSubsidyRules(tx: TenantTx, actor: Actor) {
  requireTenantWide(actor, 'subsidy.manage');
  return tx
    .select()
    .from(schema.subsidyRule)
    .orderBy(asc(schema.subsidyRule.serviceType), asc(schema.subsidyRule.outcome));
}

/**
 * Sets the amount of a service and outcome (a district setting), replacing the one it had. A
 * service whose plugin records its subsidies itself (`pluginSources`) has no rule.
 */
export async function setSubsidyRule(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZSubsidyRuleRequest>,
  pluginSources: readonly PluginSubsidySource[] = [],
) {
  const input = ZSubsidyRuleRequest.parse(request);
  requireTenantWide(actor, 'subsidy.manage');
  if (pluginSources.some((source) => source.serviceType === input.serviceType))
    throw new DomainError('bad-request', 'subsidy.recorded_by_plugin', { field: 'serviceType' });
  const [before] = await tx
    .select()
    .from(schema.subsidyRule)
    .where(
      and(
        eq(schema.subsidyRule.serviceType, input.serviceType),
        eq(schema.subsidyRule.outcome, input.outcome),
      ),
    );
  const [after] = await tx
    .insert(schema.subsidyRule)
    .values({ tenantId: actor.tenantId, id: randomUUID(), ...input })
    .onConflictDoUpdate({
      target: [schema.subsidyRule.tenantId, schema.subsidyRule.serviceType, schema.subsidyRule.outcome],
      set: { amountFen: input.amountFen, updatedAt: new Date() },
    })
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'subsidy.rule_set',
    objectType: 'subsidy-rule',
    objectId: `${input.serviceType}:${input.outcome}`,
    before: before ?? null,
    after,
  });
  return after;
}

export async function removeSubsidyRule(tx: TenantTx, actor: Actor, input: { id: string }) {
  requireTenantWide(actor, 'subsidy.manage');
  const id = z.uuid().parse(input.id);
  const [before] = await tx.select().from(schema.subsidyRule).where(eq(schema.subsidyRule.id, id));
  if (!before) throw new DomainError('not-found', 'subsidy.rule_not_found', { field: 'id' });
  await tx.delete(schema.subsidyRule).where(eq(schema.subsidyRule.id, id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'subsidy.rule_removed',
    objectType: 'subsidy-rule',
    objectId: `${before.serviceType}:${before.outcome}`,
    before,
  });
  return { removed: true };
}

/**
 * A subsidy a service plugin recorded itself (legal aid's 办案补贴), handed to the ledger by the
 * API layer from the source the plugin's manifest declares, read through the plugin's own data
 * handle: the core never reads a plugin's tables.
 */
export type PluginSubsidy = {
  /** The plugin's id of the subsidy: the ledger entry links to it and takes it once. */
  id: string;
  caseId: string;
  recipient: string;
  amountFen: number;
  basis: string;
};
/** The plugin whose subsidies they are (its id: the service type, and the ledger entries' source). */
export type PluginSubsidySource = {
  serviceType: string;
  paidIn: (month: string) => Promise<PluginSubsidy[]>;
};

const ZPluginSubsidy = z.object({
  id: z.string().min(1),
  caseId: z.uuid(),
  recipient: z.string().min(1),
  amountFen: z.number().int().min(0),
  basis: z.string(),
});

/**
 * 个案补贴: computes the month's ledger. Each case closed in the month (district time) with a
 * handler gets the amount of its service's rule for its outcome — success, unless it was passed on
 * (a failed mediation) — payable to its assignee; the subsidies plugins recorded as paid in
 * the month (`pluginSources`) are taken over as they were recorded, linked by their id, never
 * recomputed. Running it again adds
 * only what is new (entries are unique on their source), so it is safe to run whenever cases close
 * late or a rule was missing; an amount once in the ledger is not changed by a later rule change.
 */
export async function computeSubsidyLedger(
  tx: TenantTx,
  actor: Actor,
  input: { month: string },
  pluginSources: readonly PluginSubsidySource[] = [],
) {
  const month = ZSubsidyMonth.parse(input.month);
  requireTenantWide(actor, 'subsidy.manage');
  if (month > (await districtToday(tx, actor.tenantId)).slice(0, 7))
    throw new DomainError('bad-request', 'subsidy.month_in_future', { field: 'month' });
  const timeZone = await tenantTimeZone(tx, actor.tenantId);
  const closed = await tx
    .select({
      id: schema.legalCase.id,
      number: schema.legalCase.number,
      serviceType: schema.legalCase.serviceType,
      assigneeId: schema.legalCase.assigneeId,
      assigneeName: schema.staffMember.displayName,
      passedOn: sql<boolean>`exists (select 1 from ${schema.caseLink} where ${schema.caseLink.fromCaseId} = ${schema.legalCase.id} and ${inArray(schema.caseLink.kind, [...schema.PASSED_ON_LINK_KINDS])})`,
    })
    .from(schema.legalCase)
    .leftJoin(schema.staffMember, eq(schema.staffMember.id, schema.legalCase.assigneeId))
    .where(
      and(
        eq(schema.legalCase.status, 'closed'),
        isNotNull(schema.legalCase.closedAt),
        sql`to_char(${schema.legalCase.closedAt} at time zone ${timeZone}, 'YYYY-MM') = ${month}`,
      ),
    );
  const rules = await tx.select().from(schema.subsidyRule);
  const ruleOf = new Map(rules.map((r) => [`${r.serviceType}:${r.outcome}`, r]));
  const values: (typeof schema.subsidyEntry.$inferInsert)[] = [];
  let withoutHandler = 0;
  let withoutRule = 0;
  // A plugin that records its own subsidies has no rules: its closed cases are not counted here.
  const recordedByPlugin = new Set(pluginSources.map((source) => source.serviceType));
  for (const c of closed) {
    if (recordedByPlugin.has(c.serviceType)) continue;
    const outcome = c.passedOn ? 'failure' : 'success';
    const rule = ruleOf.get(`${c.serviceType}:${outcome}`);
    if (!rule) {
      withoutRule += 1;
      continue;
    }
    if (!c.assigneeId || !c.assigneeName) {
      withoutHandler += 1;
      continue;
    }
    values.push({
      tenantId: actor.tenantId,
      id: randomUUID(),
      month,
      caseId: c.id,
      caseNumber: c.number,
      serviceType: c.serviceType,
      outcome,
      recipientStaffMemberId: c.assigneeId,
      recipientName: c.assigneeName,
      amountFen: rule.amountFen,
      source: 'rule',
      sourceRef: c.id,
      basis: `${c.serviceType}:${outcome}`,
    });
  }
  for (const source of pluginSources) {
    const paid = z.array(ZPluginSubsidy).parse(await source.paidIn(month));
    const numbers =
      paid.length === 0
        ? []
        : await tx
            .select({ id: schema.legalCase.id, number: schema.legalCase.number })
            .from(schema.legalCase)
            .where(
              inArray(
                schema.legalCase.id,
                paid.map((p) => p.caseId),
              ),
            );
    const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
    for (const p of paid) {
      const caseNumber = numberOf.get(p.caseId);
      if (!caseNumber) throw new Error(`plugin subsidy ${p.id} names case ${p.caseId}, not of this district`);
      values.push({
        tenantId: actor.tenantId,
        id: randomUUID(),
        month,
        caseId: p.caseId,
        caseNumber,
        serviceType: source.serviceType,
        outcome: null,
        recipientStaffMemberId: null,
        recipientName: p.recipient,
        amountFen: p.amountFen,
        source: source.serviceType,
        sourceRef: p.id,
        basis: p.basis,
      });
    }
  }
  const added =
    values.length === 0
      ? []
      : await tx
          .insert(schema.subsidyEntry)
          .values(values)
          .onConflictDoNothing({
            target: [schema.subsidyEntry.tenantId, schema.subsidyEntry.source, schema.subsidyEntry.sourceRef],
          })
          .returning();
  const addedFen = added.reduce((total, e) => total + e.amountFen, 0);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'subsidy.ledger_computed',
    objectType: 'subsidy-ledger',
    objectId: month,
    after: { added: added.length, addedFen, withoutHandler, withoutRule },
  });
  return { month, added: added.length, addedFen, withoutHandler, withoutRule };
}

/** The month's ledger: its entries by recipient and case, each recipient's total and the total. */
export async function getSubsidyLedger(tx: TenantTx, actor: Actor, input: { month: string }) {
  const month = ZSubsidyMonth.parse(input.month);
  requireTenantWide(actor, 'subsidy.manage');
  const entries = await tx
    .select()
    .from(schema.subsidyEntry)
    .where(eq(schema.subsidyEntry.month, month))
    .orderBy(asc(schema.subsidyEntry.recipientName), asc(schema.subsidyEntry.caseNumber));
  const byRecipient = new Map<string, { recipientName: string; cases: number; amountFen: number }>();
  for (const e of entries) {
    const r = byRecipient.get(e.recipientName) ?? { recipientName: e.recipientName, cases: 0, amountFen: 0 };
    r.cases += 1;
    r.amountFen += e.amountFen;
    byRecipient.set(e.recipientName, r);
  }
  return {
    month,
    entries,
    recipients: [...byRecipient.values()],
    totalFen: entries.reduce((total, e) => total + e.amountFen, 0),
  };
}

const HEADERS = {
  'zh-CN': {
    sheet: '个案补贴',
    title: (month: string) => `${month} 个案补贴发放表`,
    columns: ['序号', '领取人', '案件编号', '服务', '结果', '依据', '金额（元）'],
    outcome: { success: '成功', failure: '不成功' } as Record<string, string>,
    total: '合计',
  },
  en: {
    sheet: 'Case subsidies',
    title: (month: string) => `Case subsidies payable, ${month}`,
    columns: ['No.', 'Recipient', 'Case', 'Service', 'Outcome', 'Basis', 'Amount (yuan)'],
    outcome: { success: 'success', failure: 'failure' } as Record<string, string>,
    total: 'Total',
  },
} as const;

/**
 * The month's ledger as an XLSX for payment: one row a case, amounts in yuan to the fen (computed
 * from integer fen, so the total is exact), the total in the last row. The export is audited.
 */
export async function exportSubsidyLedgerXlsx(
  tx: TenantTx,
  actor: Actor,
  input: { month: string; locale?: 'zh-CN' | 'en' | undefined },
) {
  const ledger = await getSubsidyLedger(tx, actor, input);
  const text = HEADERS[input.locale ?? 'zh-CN'];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheet);
  sheet.addRow([text.title(ledger.month)]);
  sheet.addRow([...text.columns]).font = { bold: true };
  ledger.entries.forEach((e, i) => {
    sheet.addRow([
      i + 1,
      e.recipientName,
      e.caseNumber,
      e.serviceType,
      e.outcome ? (text.outcome[e.outcome] ?? e.outcome) : '',
      e.basis,
      e.amountFen / 100,
    ]);
  });
  sheet.addRow([text.total, '', '', '', '', '', ledger.totalFen / 100]).font = { bold: true };
  sheet.getColumn(7).numFmt = '0.00';
  sheet.columns.forEach((column, i) => {
    column.width = [6, 16, 20, 16, 10, 24, 14][i] ?? 12;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'subsidy.ledger_exported',
    objectType: 'subsidy-ledger',
    objectId: ledger.month,
    after: { entries: ledger.entries.length, totalFen: ledger.totalFen },
  });
  return {
    fileName: `${text.sheet}-${ledger.month}.xlsx`,
    contentBase64: bytes.toString('base64'),
    totalFen: ledger.totalFen,
  };
}
