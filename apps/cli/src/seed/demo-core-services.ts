import { type Actor, contractAdviser, defineXService, getOrganisation, subtreeOf } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { pluginIds } from '@linju/plugins';

/** A local date (Asia/Shanghai, the demo district's zone) as `YYYY-MM-DD`. */
const localDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * The platform's own part of the core services' demo: the community lawyer advisers the
 * consultation pages list and a street-defined X service whose intake form takes a file. (The
 * plugins' parts are their own seeds: `demo-plugins.ts`.)
 *
 * `staff(username)` is the system actor under a demo account's name.
 */
export async function seedCoreServices(
  tx: TenantTx,
  at: { stationId: string; staff: (username: string) => Actor },
) {
  const { stationId, staff } = at;
  // Community lawyer advisers (一居一法律顾问) of two rooms of the station, under contract this year:
  // named, since the tree's order (by ids) differs from one seed to the next.
  const year = localDate(new Date()).slice(0, 4);
  const rooms = (await subtreeOf(tx, (await getOrganisation(tx, stationId)).path)).filter(
    (o) => o.kind === 'room',
  );
  const roomNamed = (nameZh: string) => rooms.find((o) => o.nameZh === nameZh);
  for (const [room, lawyerName, lawFirm] of [
    [roomNamed('汇站居民区法律服务工作室'), '钱律师', '上海某律师事务所'],
    [roomNamed('乐山居民区法律服务工作室'), '孔律师', '上海某某律师事务所'],
  ] as const) {
    if (!room) continue;
    await contractAdviser(tx, staff('admin'), {
      organisationId: room.id,
      lawFirm,
      lawyerName,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
  }

  // A street-defined X service whose intake form takes a file: resettlement help at the station,
  // with the release certificate uploaded at intake.
  await defineXService(
    tx,
    staff('station'),
    {
      organisationId: stationId,
      name: 'resettlement',
      title: { 'zh-CN': '安置帮教', en: 'Resettlement help' },
      description: {
        'zh-CN': '刑满释放人员就业、住房、社会救助衔接',
        en: 'Work, housing and welfare for people released from prison',
      },
      form: [
        { key: 'need', label: { 'zh-CN': '帮扶需求', en: 'Help needed' }, type: 'text', required: true },
        {
          key: 'certificate',
          label: { 'zh-CN': '释放证明', en: 'Release certificate' },
          help: { 'zh-CN': '扫描件或照片', en: 'A scan or a photo' },
          type: 'file',
          required: true,
        },
      ],
      deadlineWorkingDays: 10,
    },
    pluginIds,
  );
}
