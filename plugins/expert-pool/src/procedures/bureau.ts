import type { PluginProcedureContext } from '@linju/plugin-sdk';

/**
 * Whether the person holds `permission` at the district's centre: the pool is the bureau's, so
 * its figures and settings go to those who hold the permission there.
 */
export async function allowsAtCentre(ctx: PluginProcedureContext, permission: string): Promise<boolean> {
  const [centre] = await ctx.organisations.list({ kinds: ['centre'] });
  return centre ? ctx.allows(permission, centre.id) : false;
}
