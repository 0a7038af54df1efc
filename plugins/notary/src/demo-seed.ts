import type { PluginSeedContext } from '@linju/plugin-sdk';
import { bookingNote, bookSlot, defineSlot } from './booking.ts';
import { setReceivedDocuments } from './documents-checklist.ts';

const DAY = 24 * 3_600_000;

/**
 * The demo's notary office: the centre's appointment book for the next two weeks (9:30 and 14:00
 * on weekdays) and an elderly resident's inheritance matter with its documents half in, booked
 * into the first slot with a home visit.
 */
export async function seedNotaryDemo(ctx: PluginSeedContext) {
  const { centreId } = ctx.organisations;
  const now = ctx.now.getTime();
  const notary = ctx.staff('notary');
  const slotIds: string[] = [];
  for (let d = 1; d <= 14; d++) {
    const day = await ctx.calendar.dateOf(new Date(now + d * DAY));
    const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [start, end] of [
      ['09:30', '10:30'],
      ['14:00', '15:00'],
    ] as const) {
      const slot = await notary.atOrganisation(centreId, 'notary.slot.manage', (db) =>
        defineSlot(db, {
          organisationId: centreId,
          startsAt: new Date(`${day}T${start}:00+08:00`),
          endsAt: new Date(`${day}T${end}:00+08:00`),
          capacity: 2,
        }),
      );
      slotIds.push(slot.id);
    }
  }
  const inheritance = await ctx.staff('desk').intake({
    channel: 'walk-in',
    resident: { name: '吴佩琴', phone: '13917708823', keyGroups: ['elderly'], contactPreference: 'phone' },
    category: 'inheritance',
    description: '父亲去世，名下房产一套及银行存款，母亲年迈行动不便，兄妹三人申请办理继承公证。',
    organisationId: centreId,
    receivedAt: new Date(now - 2 * DAY),
    form: {
      matterType: 'inheritance',
      applicantName: '吴佩琴',
      usedAbroad: false,
      channel: 'in-person',
      greenChannel: true,
      greenChannelReason: 'elderly',
      expedited: false,
    },
  });
  await notary.onCase(inheritance.caseId, 'notary.matter.accept', async (db) => ({
    result: await setReceivedDocuments(
      db,
      'inheritance',
      { caseId: inheritance.caseId, received: ['death-certificate', 'heirs-id'] },
      notary.actor.name,
    ),
    timeline: { text: '公证材料已收 2/5，尚缺 2 项', action: 'notary.documents.received' },
  }));
  const firstSlot = slotIds[0];
  if (firstSlot) {
    await notary.onCase(inheritance.caseId, 'notary.matter.accept', async (db) => {
      const booking = await bookSlot(
        db,
        {
          caseId: inheritance.caseId,
          slotId: firstSlot,
          greenChannel: 'elderly',
          homeVisitAddress: '徐汇区天平路 188 弄 6 号 302 室',
        },
        notary.actor.name,
      );
      return { result: booking, timeline: { ...bookingNote(booking), action: 'notary.booking.created' } };
    });
  }
}
