import { type CaseProcedureContext, caseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { z } from 'zod';
import { bookingsOfCase, listSlots } from '../booking.ts';
import { documentsChecklist, receivedDocuments } from '../documents-checklist.ts';
import { matterOfCase } from '../matter-of-case.ts';
import { notaryOffices } from '../notary-offices.ts';
import { daysFrom, freeSlots } from '../slot-window.ts';

/** How far ahead the desk sees the office's slots. */
const SLOT_DAYS = 28;

/**
 * Everything the notary page of a case shows, in one call: the documents checklist of its matter
 * (none before a matter is chosen), its appointments, and the slots of an office — the one asked
 * for, else the case's own unit when it is an office, else the first office.
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'notary.matter.view',
  input: z.object({ caseId: z.uuid(), office: z.string().optional() }),
  run: async (ctx, input) => {
    const checklist = await checklistOf(ctx, input.caseId);
    const bookings = await bookingsOfCase(ctx.db, input.caseId);
    const offices = await notaryOffices(ctx);
    const officeId = [input.office, ctx.case.organisationId, offices[0]?.id].find(
      (id) => id !== undefined && offices.some((o) => o.id === id),
    );
    // The office's book needs the right to see its matters there, as the slots query does.
    const slots =
      officeId && (await ctx.allows('notary.matter.view', officeId))
        ? await listSlots(ctx.db, {
            organisationId: officeId,
            ...daysFrom(await ctx.calendar.today(), SLOT_DAYS),
          })
        : [];
    const form = (ctx.case.form ?? {}) as Record<string, unknown>;
    return {
      case: {
        id: ctx.case.id,
        number: ctx.case.number,
        expedited: form.expedited === true,
        greenChannelReason:
          form.greenChannel === true && typeof form.greenChannelReason === 'string'
            ? form.greenChannelReason
            : null,
        remote: form.channel === 'remote',
      },
      checklist,
      bookings,
      offices,
      officeId: officeId ?? '',
      slots,
      free: freeSlots(slots, new Date()),
    };
  },
});

/** The case's checklist; a case accepted before its matter was chosen has none yet, and the page says so. */
async function checklistOf(ctx: CaseProcedureContext, caseId: string) {
  try {
    return documentsChecklist(matterOfCase(ctx.case), await receivedDocuments(ctx.db, caseId));
  } catch (error) {
    if (error instanceof PluginRuleError && error.message === 'notary.case_has_no_matter') return null;
    throw error;
  }
}
