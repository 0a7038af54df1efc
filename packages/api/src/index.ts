export { pluginIds, pluginRegistry } from './plugins.ts';
export * from './router.ts';
export type { ApiContext, Logger, WorkflowEngine } from './trpc.ts';
