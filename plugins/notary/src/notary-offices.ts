import type { PluginProcedureContext } from '@linju/plugin-sdk';

/** Units that may run a notary office's appointment book. */
const OFFICE_KINDS = ['centre', 'station'];

/** The open units that may keep an appointment book, with their names. */
export async function notaryOffices(ctx: Pick<PluginProcedureContext, 'organisations'>) {
  const units = await ctx.organisations.list({ kinds: OFFICE_KINDS });
  return units.filter((unit) => !unit.closed).map((unit) => ({ id: unit.id, name: unit.name }));
}
