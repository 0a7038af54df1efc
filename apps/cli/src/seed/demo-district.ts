import { type Actor, createOrganisation, createStaffMember, onboardTenant, systemActor } from '@linju/core';
import { type Database, type TenantTx, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { DEMO_PASSWORD, DEMO_TENANT } from './demo-logins.ts';

export const CORE_SERVICES = [
  'consultation',
  'notary',
  'mediation',
  'legal-aid',
  'appraisal',
  'legal-education',
];

type Unit = { nameZh: string; nameEn: string; address: string; latitude: number; longitude: number };
const station = (nameZh: string, nameEn: string, lat: number, lng: number, rooms: Unit[]) => ({
  nameZh: `${nameZh}公共法律服务工作站`,
  nameEn: `${nameEn} Public Legal Service Station`,
  address: `上海市徐汇区${nameZh}社区事务受理服务中心`,
  latitude: lat,
  longitude: lng,
  rooms,
});
const room = (nameZh: string, nameEn: string, lat: number, lng: number): Unit => ({
  nameZh: `${nameZh}法律服务工作室`,
  nameEn: `${nameEn} Legal Service Room`,
  address: `上海市徐汇区${nameZh}`,
  latitude: lat,
  longitude: lng,
});

/** A Xuhui-like district: the centre, four street/town stations, nine community rooms, a living room. */
const STATIONS = [
  station('徐家汇街道', 'Xujiahui Subdistrict', 31.1947, 121.4365, [
    room('汇站居民区', 'Huizhan Community', 31.1921, 121.4337),
    room('乐山居民区', 'Leshan Community', 31.1985, 121.4302),
    room('蒲西居民区', 'Puxi Community', 31.1899, 121.4402),
  ]),
  station('天平路街道', 'Tianpinglu Subdistrict', 31.2061, 121.4456, [
    room('永嘉居民区', 'Yongjia Community', 31.2083, 121.4501),
    room('天平居民区', 'Tianping Community', 31.2047, 121.4423),
  ]),
  station('田林街道', 'Tianlin Subdistrict', 31.1744, 121.4213, [
    room('田林十二村居民区', 'Tianlin No.12 Village Community', 31.1728, 121.4189),
    room('长春居民区', 'Changchun Community', 31.1762, 121.4248),
  ]),
  station('华泾镇', 'Huajing Town', 31.1224, 121.4553, [
    room('华泾村', 'Huajing Village', 31.1198, 121.4587),
    room('北杨村', 'Beiyang Village', 31.1262, 121.4511),
  ]),
];

const PARTNERS = [
  { kind: 'court', nameZh: '上海市徐汇区人民法院', nameEn: 'Xuhui District People’s Court' },
  { kind: 'police', nameZh: '上海市公安局徐汇分局', nameEn: 'Xuhui Public Security Sub-bureau' },
  {
    kind: 'labour-arbitration',
    nameZh: '徐汇区劳动人事争议仲裁委员会',
    nameEn: 'Xuhui Labour Dispute Arbitration Commission',
  },
  { kind: 'federation', nameZh: '徐汇区妇女联合会', nameEn: 'Xuhui Women’s Federation' },
] as const;

export type DemoAccount = { username: string; displayName: string; role: Role; at: string };

/**
 * Seeds the demo district through the same services the API uses (onboarding, the org tree, staff),
 * so the demo exercises the real rules and leaves a real audit trail. Does nothing if it exists.
 */
export function seedDemoDistrict(db: Database): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  return db.transaction((tx) => seed(tx));
}

async function seed(db: TenantTx): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const onboarding = await onboardTenant(
    db,
    {
      slug: DEMO_TENANT,
      nameZh: '徐汇区司法局',
      nameEn: 'Xuhui District Justice Bureau',
      divisionCode: '310104',
      services: CORE_SERVICES,
      centre: { nameZh: '徐汇区公共法律服务中心', nameEn: 'Xuhui Public Legal Service Centre' },
      firstAdmin: { username: 'admin', displayName: '区局管理员 王敏', password: DEMO_PASSWORD },
    },
    { operatorId: null, operatorName: 'demo seed' },
  );
  const accounts: DemoAccount[] = [
    { username: 'admin', displayName: '区局管理员 王敏', role: 'bureau-admin', at: '徐汇区公共法律服务中心' },
  ];
  if (!onboarding.created || !onboarding.centreId) return { created: false, accounts };
  const centreId = onboarding.centreId;
  const tenantId = onboarding.tenant.id;

  await withTenant(db, tenantId, async (tx) => {
    const actor: Actor = systemActor(tenantId, 'demo seed');
    const stationIds: string[] = [];
    for (const { rooms, ...s } of STATIONS) {
      const created = await createOrganisation(tx, actor, {
        kind: 'station',
        parentId: centreId,
        openingHours: '周一至周五 9:00–17:00',
        ...s,
      });
      stationIds.push(created.id);
      for (const r of rooms)
        await createOrganisation(tx, actor, { kind: 'room', parentId: created.id, ...r });
    }
    const firstStation = stationIds[0] ?? centreId;
    await createOrganisation(tx, actor, {
      kind: 'service-point',
      parentId: firstStation,
      nameZh: '徐家汇街道公共法律服务客厅',
      nameEn: 'Xujiahui Legal Service Living Room',
      address: '上海市徐汇区徐家汇街道生活盒子',
      openingHours: '每日 9:00–20:00',
    });
    const partnerIds: Record<string, string> = {};
    for (const p of PARTNERS) partnerIds[p.kind] = (await createOrganisation(tx, actor, p)).id;

    const staff: (DemoAccount & { organisationId: string })[] = [
      {
        username: 'director',
        displayName: '中心主任 李华',
        role: 'centre-director',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'station',
        displayName: '司法所所长 张强',
        role: 'station-head',
        at: '徐家汇街道',
        organisationId: firstStation,
      },
      {
        username: 'desk',
        displayName: '前台受理员 陈静',
        role: 'desk-officer',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'lawyer',
        displayName: '律师 刘洋',
        role: 'lawyer',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'notary',
        displayName: '公证员 赵丽',
        role: 'notary',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'mediator',
        displayName: '人民调解员 孙伟',
        role: 'mediator',
        at: '徐家汇街道',
        organisationId: firstStation,
      },
      {
        username: 'legalaid',
        displayName: '法律援助专员 周敏',
        role: 'legal-aid-officer',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'appraiser',
        displayName: '司法鉴定人 吴刚',
        role: 'appraiser',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'publicity',
        displayName: '普法宣传员 郑芳',
        role: 'publicity-officer',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'volunteer',
        displayName: '志愿者 何晓',
        role: 'volunteer',
        at: '徐家汇街道',
        organisationId: firstStation,
      },
      {
        username: 'inspector',
        displayName: '检查组 黄磊',
        role: 'inspector',
        at: '徐汇区公共法律服务中心',
        organisationId: centreId,
      },
      {
        username: 'court',
        displayName: '法院立案庭 林书记员',
        role: 'partner-user',
        at: '上海市徐汇区人民法院',
        organisationId: partnerIds.court ?? centreId,
      },
    ];
    for (const s of staff) {
      await createStaffMember(tx, actor, {
        username: s.username,
        displayName: s.displayName,
        organisationId: s.organisationId,
        password: DEMO_PASSWORD,
        roles: [{ role: s.role, organisationId: s.organisationId }],
        mustChangePassword: false,
      });
      accounts.push(s);
    }
  });
  return { created: true, accounts };
}
