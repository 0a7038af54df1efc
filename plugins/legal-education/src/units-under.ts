import type { PluginProcedureContext } from '@linju/plugin-sdk';

/** Stations, rooms and service points each hold a monthly themed day; the centre has its own programme. */
const SERVICE_POINT_KINDS = ['station', 'room', 'service-point'];

/** The open units of a subtree, and those of them that are service points holding themed days. */
export async function unitsUnder(ctx: Pick<PluginProcedureContext, 'organisations'>, organisationId: string) {
  const units = await ctx.organisations.subtree(organisationId);
  return {
    ids: units.map((unit) => unit.id),
    servicePoints: units.filter((unit) => SERVICE_POINT_KINDS.includes(unit.kind)).map((unit) => unit.id),
  };
}
