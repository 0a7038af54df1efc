import { type PluginProcedureContext, PluginRuleError } from '@linju/plugin-sdk';

/** An account to link must be one of the district's staff the person may see; refused naming `staffId`. */
export async function knownAccount(ctx: PluginProcedureContext, staffId: string | null | undefined) {
  if (!staffId) return;
  const accounts = await ctx.staff.list();
  if (!accounts.some((a) => a.id === staffId)) {
    throw new PluginRuleError('bad-request', 'expert-pool.account_unknown', { field: 'staffId' });
  }
}
