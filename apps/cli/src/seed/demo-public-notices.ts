import {
  type Actor,
  addDutySlot,
  createAnnouncement,
  getOrganisation,
  setThemedDay,
  subtreeOf,
} from '@linju/core';
import type { TenantTx } from '@linju/db';

/** A local date (Asia/Shanghai, the demo district's zone) as `YYYY-MM-DD`. */
const localDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * What the public site shows of the demo district's service points: the weekly duty rota of the
 * Xujiahui station and of its 汇站 community room (whose lawyer adviser holds office hours; named,
 * since the tree's order by ids differs from one seed to the next), the room's themed day this
 * month, and an announcement of the centre.
 */
export async function seedPublicNotices(
  tx: TenantTx,
  at: { centreId: string; stationId: string; staff: (username: string) => Actor },
) {
  const admin = at.staff('admin');
  const room = (await subtreeOf(tx, (await getOrganisation(tx, at.stationId)).path)).find(
    (o) => o.kind === 'room' && o.nameZh === '汇站居民区法律服务工作室',
  );
  const slots = [
    {
      organisationId: at.stationId,
      weekday: 1,
      startsAt: '09:00',
      endsAt: '12:00',
      serviceType: 'consultation',
      personName: '刘律师',
    },
    {
      organisationId: at.stationId,
      weekday: 3,
      startsAt: '13:30',
      endsAt: '17:00',
      serviceType: 'mediation',
      personName: '孙调解员',
    },
    {
      organisationId: at.stationId,
      weekday: 5,
      startsAt: '09:00',
      endsAt: '12:00',
      serviceType: 'legal-aid',
      personName: '周专员',
    },
    ...(room
      ? [
          {
            organisationId: room.id,
            weekday: 2,
            startsAt: '14:00',
            endsAt: '16:00',
            serviceType: 'consultation',
            personName: '钱律师',
          },
          {
            organisationId: room.id,
            weekday: 4,
            startsAt: '14:00',
            endsAt: '16:00',
            serviceType: 'consultation',
            personName: '钱律师',
          },
        ]
      : []),
  ];
  for (const slot of slots) await addDutySlot(tx, admin, slot);
  if (room) {
    await setThemedDay(tx, admin, {
      organisationId: room.id,
      day: `${localDate(new Date()).slice(0, 7)}-15`,
      theme: '婚姻家事法律咨询日',
      serviceType: 'consultation',
    });
  }
  await createAnnouncement(tx, admin, {
    organisationId: at.centreId,
    title: '12348 热线全天候服务',
    body: '拨打 12348 公共法律服务热线，全年无休为您解答法律问题；也可在本网站在线申请、预约办理。',
    publish: true,
  });
}
