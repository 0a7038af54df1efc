import { ensurePipTool, pipToolDir } from './ensure-pip-tool.ts';

/** Pinned: a new release may add checks or change what a run reports. */
export const SCHEMATHESIS_VERSION = '4.32.5';

export const schemathesisDir = () => pipToolDir('schemathesis', SCHEMATHESIS_VERSION);

/** The `st` command of schemathesis {@link SCHEMATHESIS_VERSION}, installed once (see {@link ensurePipTool}). */
export const ensureSchemathesis = (progress: (message: string) => void = () => {}): string =>
  ensurePipTool(
    {
      name: 'schemathesis',
      version: SCHEMATHESIS_VERSION,
      command: 'st',
      purpose: 'the OpenAPI fuzz tests (schemathesis)',
    },
    progress,
  );
