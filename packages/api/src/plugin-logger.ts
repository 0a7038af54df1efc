import type { PluginLoggerFactory } from '@linju/core';
import type { Logger } from './trpc.ts';

/**
 * The plugins' log lines in the request's log, tagged with the plugin and the tenant (the server's
 * log has no debug level: a plugin's debug lines go out as info, marked `debug: true`).
 */
export function requestPluginLogger(log: Logger): PluginLoggerFactory {
  return (plugin, tenantId) => {
    const line =
      (level: 'info' | 'warn' | 'error', extra: Record<string, unknown> = {}) =>
      (message: string, fields?: Readonly<Record<string, unknown>>) =>
        log[level]({ ...fields, ...extra, plugin, tenantId }, message);
    return {
      debug: line('info', { debug: true }),
      info: line('info'),
      warn: line('warn'),
      error: line('error'),
    };
  };
}
