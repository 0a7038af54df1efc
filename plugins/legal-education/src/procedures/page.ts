import { unitsProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { campaignReport, listEvents } from '../events.ts';
import { monthBounds } from '../month-bounds.ts';
import { unitsUnder } from '../units-under.ts';

/** Units that hold publicity events. */
const UNIT_KINDS = ['centre', 'station', 'room', 'service-point'];

/**
 * Everything the legal-education page shows, in one call: the units, and for the unit and month
 * asked for (else the centre and this month) its subtree's events, the month's report and the
 * event being corrected; a unit's events only where the person holds the permission (a station's
 * staff, their own).
 */
export const page = unitsProcedure({
  kind: 'query',
  permission: 'legal-education.event.view',
  input: z.object({ unit: z.string().optional(), month: z.string().optional(), edit: z.string().optional() }),
  sampleInput: (at) => ({ unit: at.organisationId }),
  run: async (ctx, input) => {
    const units = (await ctx.organisations.list({ kinds: UNIT_KINDS }))
      .filter((unit) => !unit.closed)
      .map((unit) => ({ id: unit.id, kind: unit.kind, name: unit.name }));
    const unitId = units.some((u) => u.id === input.unit)
      ? (input.unit ?? '')
      : (units.find((u) => u.kind === 'centre')?.id ?? units[0]?.id ?? '');
    const today = await ctx.calendar.today();
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(input.month ?? '') ? (input.month ?? '') : today.slice(0, 7);
    if (!unitId || !(await ctx.allows('legal-education.event.view', unitId))) {
      return { units, unitId, month, today, events: [], report: null, editing: null };
    }
    const period = monthBounds(month);
    const under = await unitsUnder(ctx, unitId);
    const events = await listEvents(ctx.db, { organisationIds: under.ids, ...period });
    return {
      units,
      unitId,
      month,
      today,
      events,
      report: campaignReport(events, period, under.servicePoints),
      editing: events.find((e) => e.id === input.edit) ?? null,
    };
  },
});
