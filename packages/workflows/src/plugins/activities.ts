/** What the plugin-run activities need from the worker: the installed plugins' daily activities. */
export interface PluginScheduleDeps {
  /** The names of the activities installed plugins run every day (`schedule: 'daily'`), in registry order. */
  dailyActivityNames(): readonly string[];
}

/**
 * The platform's side of the plugins' schedule: the workflow asks which daily activities exist
 * (an activity, so the answer is recorded in its history and replays deterministically).
 */
export function createPluginScheduleActivities(deps: PluginScheduleDeps) {
  return {
    async listDailyPluginActivities(): Promise<string[]> {
      return [...deps.dailyActivityNames()];
    },
  };
}

export type PluginScheduleActivities = ReturnType<typeof createPluginScheduleActivities>;
