import {
  DomainError,
  PluginActivityInputError,
  type PluginLoggerFactory,
  runPluginActivity,
} from '@linju/core';
import type { Database } from '@linju/db';
import type { PluginRegistry } from '@linju/plugin-sdk';
import {
  createPluginScheduleActivities,
  type PluginActivityCall,
  type PluginScheduleActivities,
} from '@linju/workflows';
import { ApplicationFailure } from '@temporalio/client';

/** The plugins a worker runs the activities and workflow hooks of, and where their log lines go. */
export type WorkerPlugins = {
  /** The deployment's registry (`pluginRegistry` of `@linju/api`, the composition root). */
  registry: PluginRegistry;
  logger: PluginLoggerFactory;
};

/** A logger factory that drops everything, for workers (tests) that do not care. */
export const silentPluginLogger: PluginLoggerFactory = () => ({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/**
 * Every installed plugin's activities, registered under their declared names
 * (`mediation.lapse-confirmation-windows`), plus the activity the plugins' daily workflow asks
 * which of them run every day. A bad input or a rule the plugin refuses will not pass on a
 * retry: those fail at once; anything else (the database away) is retried by Temporal.
 */
export function createPluginActivities(
  db: Database,
  plugins: WorkerPlugins | undefined,
): Record<string, PluginActivityCall> & PluginScheduleActivities {
  const registered = plugins?.registry.activities() ?? [];
  const activities: Record<string, PluginActivityCall> = {};
  for (const entry of registered) {
    activities[entry.activity.name] = async (input) => {
      try {
        return await runPluginActivity(db, entry, input, plugins?.logger ?? silentPluginLogger);
      } catch (error) {
        if (error instanceof PluginActivityInputError) {
          throw ApplicationFailure.nonRetryable(error.message, 'PluginActivityInputInvalid');
        }
        if (error instanceof DomainError) {
          throw ApplicationFailure.nonRetryable(error.message, 'PluginRuleRefused', error.params ?? {});
        }
        throw error;
      }
    };
  }
  const daily = registered.filter((entry) => entry.activity.schedule === 'daily').map((e) => e.activity.name);
  return {
    ...activities,
    ...createPluginScheduleActivities({ dailyActivityNames: () => daily }),
  };
}
