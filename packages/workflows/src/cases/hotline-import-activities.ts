import type { HotlineImportInput, HotlineImportResult } from './hotline-import-definitions.ts';

/** What the import activity needs from the outside world (the worker wires database and file store). */
export interface HotlineImportActivityDeps {
  importRows(input: HotlineImportInput): Promise<HotlineImportResult>;
}

/**
 * The import activity over injected dependencies: batch after batch, each committed with the
 * job's progress, heartbeating between them. Idempotent: a retry resumes after the last
 * committed batch, and an import already finished is skipped.
 */
export function createHotlineImportActivities(deps: HotlineImportActivityDeps) {
  return {
    async importHotlineRows(input: HotlineImportInput): Promise<HotlineImportResult> {
      return deps.importRows(input);
    },
  };
}

export type HotlineImportActivities = ReturnType<typeof createHotlineImportActivities>;
