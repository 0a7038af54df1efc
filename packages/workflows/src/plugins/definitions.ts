/** What one run of a district's plugin activities did: the activities that ran, and those that failed for good. */
export type PluginDailyRunResult = {
  ran: { name: string; result: unknown }[];
  failed: { name: string; message: string }[];
};

/**
 * How a workflow calls a plugin activity: by its registered name (`<plugin id>.<name>`), with the
 * district and the activity's own input. The worker registers one per activity a plugin declares.
 */
export type PluginActivityCall = (input: { tenantId: string } & Record<string, unknown>) => Promise<unknown>;
