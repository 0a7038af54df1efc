import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, eq, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { isPartnerKind } from '../organisations/organisation-service.ts';
import { parseCsv } from '../tabular-import/csv.ts';
import { readTableFile } from '../tabular-import/table-file.ts';
import { readXlsxTable } from '../tabular-import/xlsx-table.ts';
import { normalisePeriod, normaliseScore } from './assessment-period.ts';
import {
  ASSESSMENT_COLUMNS,
  type AssessmentColumn,
  REQUIRED_ASSESSMENT_COLUMNS,
} from './assessment-template.ts';

export const MAX_ASSESSMENT_ROWS = 5_000;

const ZFileName = z.string().trim().min(1, { message: 'validation.required' }).max(200);

/**
 * The assessor's spreadsheet as CSV text, as an .xlsx workbook (base64), or as the file's bytes
 * (base64: a workbook, or CSV in UTF-8 or GB18030, the bytes decide); the same rows either way.
 */
export const ZAssessmentImportRequest = z.union([
  z.object({
    fileName: ZFileName,
    csv: z
      .string()
      .min(1, { message: 'validation.required' })
      .max(8 * 1024 * 1024),
  }),
  z.object({
    fileName: ZFileName,
    xlsxBase64: z
      .string()
      .min(1, { message: 'validation.required' })
      .max(12 * 1024 * 1024),
  }),
  z.object({
    fileName: ZFileName,
    fileBase64: z
      .string()
      .min(1, { message: 'validation.required' })
      .max(12 * 1024 * 1024),
  }),
]);

export type AssessmentRowError = { row: number; field: string; key: string; params?: Record<string, string> };
export type AssessmentImportReport = {
  importId: string;
  rows: number;
  imported: number;
  alreadyImported: number[];
  errors: AssessmentRowError[];
};

/**
 * Imports a third-party assessor's results (第三方评估): one row per service point, period and
 * indicator. A bad row is reported with its sheet row number and skipped, the rest go in. A
 * result already imported (now or from an earlier file) with the same score is reported and not
 * stored again; one with another score is an error, never an overwrite.
 */
export async function importAssessmentResults(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZAssessmentImportRequest>,
): Promise<AssessmentImportReport> {
  const input = ZAssessmentImportRequest.parse(request);
  requireTenantWide(actor, 'assessment.import');
  const fileField = 'csv' in input ? 'csv' : 'xlsxBase64' in input ? 'xlsxBase64' : 'fileBase64';
  const table =
    'csv' in input
      ? parseCsv(input.csv)
      : 'xlsxBase64' in input
        ? await readXlsxTable(Buffer.from(input.xlsxBase64, 'base64'))
        : await readTableFile(Buffer.from(input.fileBase64, 'base64'), fileField);
  const blank = (r: string[]) => r.every((c) => c.trim() === '');
  const headerAt = table.findIndex((r) => !blank(r));
  const header = table[headerAt];
  if (headerAt < 0 || !header) throw new DomainError('bad-request', 'import.empty', { field: fileField });
  const rows = table
    .map((cells, i) => ({ cells, rowNumber: i + 1 }))
    .slice(headerAt + 1)
    .filter((r) => !blank(r.cells));
  if (rows.length > MAX_ASSESSMENT_ROWS) {
    throw new DomainError('bad-request', 'import.too_many_rows', {
      field: fileField,
      params: { max: MAX_ASSESSMENT_ROWS },
    });
  }
  const columns = Object.keys(ASSESSMENT_COLUMNS) as AssessmentColumn[];
  const index = Object.fromEntries(
    columns.map((col) => [
      col,
      header.findIndex((h) => (ASSESSMENT_COLUMNS[col] as readonly string[]).includes(h.trim())),
    ]),
  ) as Record<AssessmentColumn, number>;
  const missing = REQUIRED_ASSESSMENT_COLUMNS.filter((col) => index[col] < 0);
  if (missing.length > 0) {
    throw new DomainError('bad-request', 'import.columns_missing', {
      field: fileField,
      params: { columns: missing.map((col) => ASSESSMENT_COLUMNS[col][0]).join('、') },
    });
  }
  const cell = (r: string[], col: AssessmentColumn) => (index[col] >= 0 ? (r[index[col]] ?? '').trim() : '');

  // Service points by name (open units of the tree, not partners); a name used twice is ambiguous.
  const units = await tx
    .select({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      kind: schema.organisation.kind,
    })
    .from(schema.organisation)
    .where(eq(schema.organisation.tenantId, actor.tenantId));
  const byName = new Map<string, string[]>();
  for (const u of units.filter((x) => !isPartnerKind(x.kind))) {
    byName.set(u.nameZh, [...(byName.get(u.nameZh) ?? []), u.id]);
    byName.set(u.id, [u.id]);
  }
  const existing = await tx
    .select({
      assessor: schema.assessmentResult.assessor,
      period: schema.assessmentResult.period,
      organisationId: schema.assessmentResult.organisationId,
      indicator: schema.assessmentResult.indicator,
      score: schema.assessmentResult.score,
    })
    .from(schema.assessmentResult);
  const keyOf = (assessor: string, period: string, organisationId: string, indicator: string) =>
    JSON.stringify([assessor, period, organisationId, indicator]);
  const known = new Map(
    existing.map((e) => [keyOf(e.assessor, e.period, e.organisationId, e.indicator), e.score]),
  );

  const importId = randomUUID();
  const report: AssessmentImportReport = {
    importId,
    rows: rows.length,
    imported: 0,
    alreadyImported: [],
    errors: [],
  };
  const accepted: (typeof schema.assessmentResult.$inferInsert)[] = [];
  for (const { cells, rowNumber } of rows) {
    const fail = (field: string, key: string, params?: Record<string, string>) =>
      report.errors.push({ row: rowNumber, field, key, ...(params ? { params } : {}) });
    const assessor = cell(cells, 'assessor');
    const indicator = cell(cells, 'indicator');
    const pointName = cell(cells, 'servicePoint');
    if (!assessor) {
      fail('assessor', 'validation.required');
      continue;
    }
    const period = normalisePeriod(cell(cells, 'period'));
    if (!period) {
      fail('period', 'assessment.period_invalid', { value: cell(cells, 'period') });
      continue;
    }
    const ids = byName.get(pointName) ?? [];
    if (ids.length !== 1 || !ids[0]) {
      fail(
        'servicePoint',
        ids.length > 1 ? 'assessment.service_point_ambiguous' : 'assessment.service_point_unknown',
        {
          value: pointName,
        },
      );
      continue;
    }
    if (!indicator) {
      fail('indicator', 'validation.required');
      continue;
    }
    if (indicator.length > 200 || assessor.length > 200) {
      fail(indicator.length > 200 ? 'indicator' : 'assessor', 'validation.too_long');
      continue;
    }
    const score = normaliseScore(cell(cells, 'score'));
    if (!score) {
      fail('score', 'assessment.score_invalid', { value: cell(cells, 'score') });
      continue;
    }
    const key = keyOf(assessor, period, ids[0], indicator);
    const before = known.get(key);
    if (before !== undefined) {
      if (Number(before) === Number(score)) report.alreadyImported.push(rowNumber);
      else fail('score', 'assessment.result_differs', { value: score, recorded: Number(before).toFixed(2) });
      continue;
    }
    known.set(key, score);
    const remarks = cell(cells, 'remarks').slice(0, 1000);
    accepted.push({
      tenantId: actor.tenantId,
      id: randomUUID(),
      importId,
      assessor,
      period,
      organisationId: ids[0],
      indicator,
      score,
      remarks: remarks || null,
    });
  }
  report.imported = accepted.length;
  await tx.insert(schema.assessmentImport).values({
    tenantId: actor.tenantId,
    id: importId,
    fileName: input.fileName,
    rows: report.rows,
    imported: report.imported,
    alreadyImported: report.alreadyImported.length,
    errors: report.errors.length,
    importedBy: actor.id,
  });
  for (let i = 0; i < accepted.length; i += 500) {
    await tx.insert(schema.assessmentResult).values(accepted.slice(i, i + 500));
  }
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'assessment.imported',
    objectType: 'assessment_import',
    objectId: importId,
    after: {
      fileName: input.fileName,
      rows: report.rows,
      imported: report.imported,
      alreadyImported: report.alreadyImported.length,
      errors: report.errors.length,
    },
  });
  return report;
}

export const ZAssessmentListRequest = z.object({
  period: z.string().max(10).nullish(),
  organisationId: z.uuid().nullish(),
});

/**
 * The results of the service points the actor may read, for a period and/or a service point,
 * ordered by period (newest first), service point and indicator; with the periods on record.
 */
export async function listAssessmentResults(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZAssessmentListRequest>,
) {
  const input = ZAssessmentListRequest.parse(request);
  const scopes = scopesFor(actor.grants, 'assessment.read');
  if (scopes.length === 0) return { periods: [], results: [] };
  const conditions = [eq(schema.assessmentResult.tenantId, actor.tenantId)];
  if (input.period) conditions.push(eq(schema.assessmentResult.period, input.period));
  if (input.organisationId) conditions.push(eq(schema.assessmentResult.organisationId, input.organisationId));
  const rows = await tx
    .select({
      id: schema.assessmentResult.id,
      assessor: schema.assessmentResult.assessor,
      period: schema.assessmentResult.period,
      organisationId: schema.assessmentResult.organisationId,
      organisationNameZh: schema.organisation.nameZh,
      organisationNameEn: schema.organisation.nameEn,
      path: schema.organisation.path,
      indicator: schema.assessmentResult.indicator,
      score: schema.assessmentResult.score,
      remarks: schema.assessmentResult.remarks,
    })
    .from(schema.assessmentResult)
    .innerJoin(
      schema.organisation,
      and(
        eq(schema.organisation.tenantId, schema.assessmentResult.tenantId),
        eq(schema.organisation.id, schema.assessmentResult.organisationId),
      ),
    )
    .where(and(...conditions));
  const periods = await tx
    .selectDistinct({ period: schema.assessmentResult.period })
    .from(schema.assessmentResult);
  const results = rows
    .filter((r) => scopes.some((s) => r.path.startsWith(s)))
    .map(({ path: _path, score, ...r }) => ({ ...r, score: Number(score) }))
    .sort(
      (x, y) =>
        y.period.localeCompare(x.period) ||
        x.organisationNameZh.localeCompare(y.organisationNameZh, 'zh') ||
        x.indicator.localeCompare(y.indicator, 'zh'),
    );
  return {
    periods: periods
      .map((p) => p.period)
      .sort()
      .reverse(),
    results,
  };
}
