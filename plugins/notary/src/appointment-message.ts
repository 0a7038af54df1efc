import type { PublicProcedureContext } from '@linju/plugin-sdk';
import type { Slot } from './booking.ts';

const SERVICE = '公证预约';

/** `2026-12-10 09:00`: a moment as the district's clocks show it. */
function localTime(at: string, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, clock: `${parts.hour}:${parts.minute}` };
}

/** When a slot is, as the resident's SMS and page say it: `2026-12-10 09:00-10:00`. */
export function slotTime(slot: Pick<Slot, 'startsAt' | 'endsAt'>, timeZone: string) {
  const start = localTime(slot.startsAt, timeZone);
  return `${start.day} ${start.clock}-${localTime(slot.endsAt, timeZone).clock}`;
}

/**
 * Texts the verified resident about their notary appointment (confirmed or cancelled) by the
 * platform's appointment templates: what, when and where (the office's name).
 */
export async function textAppointment(
  ctx: PublicProcedureContext,
  template: 'appointment-confirmation' | 'appointment-cancelled',
  slot: Pick<Slot, 'startsAt' | 'endsAt' | 'officeId'>,
  caseId: string,
) {
  const office = (await ctx.servicePoints()).find((point) => point.id === slot.officeId);
  return ctx.messageResident({
    template,
    caseId,
    params: {
      service: SERVICE,
      time: slotTime(slot, await ctx.timeZone()),
      place: office?.name['zh-CN'] ?? '',
    },
  });
}
