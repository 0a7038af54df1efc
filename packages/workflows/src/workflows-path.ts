import { fileURLToPath } from 'node:url';

/**
 * The workflows entry file, for `Worker.create({ workflowsPath })` and replay: workflow code is
 * bundled by path into Temporal's sandbox, never imported into the worker's own module graph.
 */
export const workflowsPath: string = fileURLToPath(new URL('./workflows.ts', import.meta.url));
