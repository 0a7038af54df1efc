/** What an import run gets: the district and the queued import. */
export type HotlineImportInput = { tenantId: string; importId: string };

export type HotlineImportResult = { importId: string; outcome: 'done' | 'failed' | 'skipped' };

export const HOTLINE_IMPORT_WORKFLOW = 'hotlineImportWorkflow';

/**
 * An import's workflow id: `hotline-import:<tenant>:<id>`. A business key: the same import is
 * never run by two workflows at once, and any process can start it again from the row.
 */
export function hotlineImportWorkflowId(tenantId: string, importId: string): string {
  for (const [name, value] of [
    ['tenantId', tenantId],
    ['importId', importId],
  ] as const) {
    if (value === '' || value.includes(':'))
      throw new Error(
        `hotlineImportWorkflowId: ${name} must be non-empty and contain no ':' (got '${value}')`,
      );
  }
  return `hotline-import:${tenantId}:${importId}`;
}
