import { eq, schema, type TenantTx } from '@linju/db';
import { renderPdf } from '@linju/documents';
import { channelLabel, partyRoleLabel } from '@linju/i18n';
import type { PrintableDocument } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { localDate } from '../calendar/working-days.ts';
import { getCase } from '../cases/case-service.ts';
import { type InstalledServices, reportServiceNames } from '../statistics/report-service-names.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';
import type { CaseFacts } from './case-facts.ts';
import { caseFileCover } from './case-file-cover.ts';
import { intakeReceipt } from './intake-receipt.ts';

/** The documents the platform prints from any case, by the name of its file. */
const PRINTOUTS = {
  'intake-receipt': { name: '受理回执', document: intakeReceipt },
  'case-file-cover': { name: '案卷封面', document: caseFileCover },
} satisfies Record<string, { name: string; document: (facts: CaseFacts) => PrintableDocument }>;

export const CASE_PRINTOUTS = Object.keys(PRINTOUTS) as (keyof typeof PRINTOUTS)[];
export type CasePrintout = keyof typeof PRINTOUTS;

type FullCase = Awaited<ReturnType<typeof getCase>>;

/** The case's parties as its papers name them: the resident first, then the others the case records. */
export const partiesOf = (c: FullCase): CaseFacts['parties'] => [
  { role: '申请人', name: c.resident.name },
  ...c.parties.map((p) => ({ role: partyRoleLabel('zh-CN', p.role), name: p.name })),
];

async function caseFacts(
  tx: TenantTx,
  tenantId: string,
  c: FullCase,
  services: InstalledServices,
): Promise<CaseFacts> {
  const [tenant] = await tx
    .select({ name: schema.tenant.nameZh })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  const timeZone = await tenantTimeZone(tx, tenantId);
  const closedAt = c.closedAt ?? c.resolvedAt;
  return {
    number: c.number,
    district: tenant?.name ?? '',
    service: (await reportServiceNames(tx, services))(c.serviceType),
    channel: channelLabel('zh-CN', c.channel),
    resident: c.resident.name,
    parties: partiesOf(c),
    receivedAt: c.names.receivedAt?.nameZh ?? '',
    handledBy: c.names.current?.nameZh ?? '',
    firstResponder: c.names.firstResponder,
    assignee: c.names.assignee,
    receivedOn: localDate(c.receivedAt, timeZone),
    dueOn: c.dueOn,
    closedOn: closedAt ? localDate(closedAt, timeZone) : null,
    limitWorkingDays: c.limitWorkingDays,
  };
}

/**
 * A printout of a case (its intake receipt, the cover of its file) as a PDF download, for someone
 * who may read the case; named in words after the document and the case number. `services`: the
 * installed services, whose manifests name them.
 */
export async function printCase(
  tx: TenantTx,
  actor: Actor,
  input: { caseId: string; printout: CasePrintout },
  services: InstalledServices,
) {
  const c = await getCase(tx, actor, { caseId: input.caseId });
  const printout = PRINTOUTS[input.printout];
  const bytes = await renderPdf(printout.document(await caseFacts(tx, actor.tenantId, c, services)));
  return {
    fileName: `${printout.name}-${c.number}.pdf`,
    contentType: 'application/pdf',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}
