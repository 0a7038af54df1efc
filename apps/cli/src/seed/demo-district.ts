import { createSecretBox, grantsAllow, loadDataKeyRing, type SecretBox } from '@linju/auth';
import {
  type Actor,
  assignCase,
  changeCaseStatus,
  createOrganisation,
  createStaffMember,
  holdJointConsultation,
  intakeCase,
  linkCases,
  onboardTenant,
  recordResidentFeedback,
  recordSatisfaction,
  saveCaseSettings,
  seedNationalCalendar,
  setMessageProvider,
  setTimeLimit,
  setWaitingForResident,
  systemActor,
  transferCase,
  triageCase,
} from '@linju/core';
import { type Database, type TenantTx, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { pluginRegistry } from '@linju/plugins';
import { MESSAGE_CHANNELS } from '@linju/vocabulary';
import { stackNodeId } from '../stack/node-id.ts';
import { dataDir } from '../stack/paths.ts';
import { reportDemoDistrictToCity, seedDemoCity } from './demo-city.ts';
import { seedCommunities } from './demo-communities.ts';
import { seedCoreServices } from './demo-core-services.ts';
import { seedEvaluations } from './demo-evaluations.ts';
import { seedInspections } from './demo-inspections.ts';
import { DEMO_PASSWORD, DEMO_TENANT } from './demo-logins.ts';
import { seedPlugins } from './demo-plugins.ts';
import { seedProviders } from './demo-providers.ts';
import { seedPublicNotices } from './demo-public-notices.ts';

export const CORE_SERVICES = [
  'consultation',
  'notary',
  'mediation',
  'legal-aid',
  'appraisal',
  'legal-education',
  'expert-pool',
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
  // No accounts and no system of its own: it answers referrals through one-time links, by phone.
  {
    kind: 'federation',
    nameZh: '徐汇区妇女联合会',
    nameEn: 'Xuhui Women’s Federation',
    phone: '021-64870000',
  },
  // A licensed forensic appraisal institution (司法鉴定所): appraisal consultations refer cases to
  // it, and its clerk answers them in the partner inbox.
  { kind: 'department', nameZh: '上海某司法鉴定所', nameEn: 'Shanghai Forensic Appraisal Institute' },
] as const;

export type DemoAccount = { username: string; displayName: string; role: Role; at: string };

/**
 * Seeds the demo district through the same services the API uses (onboarding, the org tree, staff),
 * so the demo exercises the real rules and leaves a real audit trail. Does nothing if it exists.
 * With it, its city bureau on this node (`node`: this node's id as the server will announce it),
 * to which the district reports its monthly statistics.
 */
export function seedDemoDistrict(
  db: Database,
  box: SecretBox = createSecretBox(loadDataKeyRing(dataDir())),
  node: { nodeId: string } = { nodeId: stackNodeId() },
): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  return db.transaction(async (tx) => {
    // The city first: the district's city setting checks that its tenant exists on this node.
    const city = await seedDemoCity(tx);
    const district = await seed(tx, box);
    await reportDemoDistrictToCity(tx, {
      nodeId: node.nodeId,
      justCreated: city.created || district.created,
    });
    return district;
  });
}

async function seed(db: TenantTx, box: SecretBox): Promise<{ created: boolean; accounts: DemoAccount[] }> {
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
    { operatorId: null, operatorName: '演示数据' },
  );
  const accounts: DemoAccount[] = [
    { username: 'admin', displayName: '区局管理员 王敏', role: 'bureau-admin', at: '徐汇区公共法律服务中心' },
  ];
  if (!onboarding.created || !onboarding.centreId) return { created: false, accounts };
  const centreId = onboarding.centreId;
  const tenantId = onboarding.tenant.id;

  await withTenant(db, tenantId, async (tx) => {
    const actor: Actor = systemActor(tenantId, '演示数据');
    // Every channel records instead of sending: the "sent messages" page shows the whole loop.
    for (const channel of MESSAGE_CHANNELS)
      await setMessageProvider(tx, actor, box, { channel, provider: 'log' });
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
      {
        username: 'appraisal-institute',
        displayName: '司法鉴定所受理员 韩梅',
        role: 'partner-user',
        at: '上海某司法鉴定所',
        organisationId: partnerIds.department ?? centreId,
      },
    ];
    const ids: Record<string, string> = {};
    for (const s of staff) {
      const created = await createStaffMember(tx, actor, {
        username: s.username,
        displayName: s.displayName,
        organisationId: s.organisationId,
        password: DEMO_PASSWORD,
        roles: [{ role: s.role, organisationId: s.organisationId }],
        mustChangePassword: false,
      });
      ids[s.username] = created.id;
      accounts.push(s);
    }
    await seedCases(tx, box, actor, { centreId, stationIds, staff, ids });
    await seedInspections(tx, {
      system: actor,
      inspector: { ...actor, id: ids.inspector ?? null, name: '检查组 黄磊' },
      stationIds,
    });
    await seedEvaluations(tx, { system: actor, centreId, stationIds });
    await seedCommunities(tx, actor);
    await seedProviders(tx, box, {
      system: actor,
      lawyerId: ids.lawyer ?? '',
      mediatorId: ids.mediator ?? '',
      stationId: firstStation,
      centreId,
    });
  });
  return { created: true, accounts };
}

/** The time limits of the six plugins' manifests (their `deadlines`), as the district's own settings. */
/** The service commitments of the plugins this deployment ships, as each manifest declares them. */
const TIME_LIMITS = pluginRegistry.plugins.flatMap(({ id, deadlines }) => [
  { serviceType: id, category: '*', workingDays: deadlines.defaultWorkingDays },
  ...Object.entries(deadlines.byCategory ?? {}).map(([category, workingDays]) => ({
    serviceType: id,
    category,
    workingDays,
  })),
]);

const DAY = 86_400_000;

/**
 * The working calendar, the case settings and a handful of cases at different points of their
 * life, made through the same services as real work: received at the centre desk and at the
 * Xujiahui station, triaged, assigned, transferred, chained, waiting for a resident, closed with
 * feedback and a rating.
 */
async function seedCases(
  tx: TenantTx,
  box: SecretBox,
  system: Actor,
  at: {
    centreId: string;
    stationIds: string[];
    staff: (DemoAccount & { organisationId: string })[];
    ids: Record<string, string>;
  },
) {
  await seedNationalCalendar(tx, system);
  await saveCaseSettings(tx, system, {
    numberPrefix: 'XH',
    requireSatisfactionToClose: false,
    dueSoonWorkingDays: 2,
    defaultWorkingDays: 15,
  });
  for (const limit of TIME_LIMITS) await setTimeLimit(tx, system, limit);

  const person = (username: string): Actor => {
    const s = at.staff.find((x) => x.username === username);
    const id = at.ids[username];
    if (!s || !id) throw new Error(`demo account ${username} missing`);
    return {
      id,
      name: s.displayName,
      tenantId: system.tenantId,
      grants: [{ role: s.role, organisationPath: pathOf(s.organisationId) }],
    };
  };
  const pathOf = (orgId: string) =>
    orgId === at.centreId ? `/${at.centreId}/` : `/${at.centreId}/${orgId}/`;
  const station = at.stationIds[0] ?? at.centreId;
  const desk = person('desk');
  const head = person('station');
  const mediator = person('mediator');
  const director = person('director');
  if (!grantsAllow(head.grants, 'case.manage', pathOf(station)))
    throw new Error('demo station head cannot manage cases');

  // 1. A neighbour dispute at the station: triaged, assigned to the mediator, in progress.
  const noise = await intakeCase(tx, head, box, {
    channel: 'walk-in',
    resident: { name: '王秀英', phone: '13916605012', keyGroups: ['elderly'], contactPreference: 'phone' },
    serviceType: 'mediation',
    category: 'neighbours',
    description: '楼上住户夜间装修噪音持续两周，多次沟通无果，影响老人休息，请求调解。',
    organisationId: station,
    receivedAt: new Date(Date.now() - 6 * DAY),
    parties: [{ role: 'adverse', name: '赵建国' }],
  });
  await triageCase(tx, head, { caseId: noise.id, serviceType: 'mediation', category: 'neighbours' });
  await assignCase(tx, head, { caseId: noise.id, assigneeId: mediator.id ?? '' });
  await changeCaseStatus(tx, mediator, { caseId: noise.id, status: 'in-progress' });

  // 2. Unpaid wages of a migrant worker at the centre: legal aid, closed with feedback and a rating.
  const wages = await intakeCase(tx, desk, box, {
    channel: 'hotline-12348',
    resident: {
      name: '李国强',
      phone: '13761234408',
      keyGroups: ['migrant-workers'],
      contactPreference: 'sms',
    },
    serviceType: 'legal-aid',
    category: 'labour-remuneration',
    description: '在某建筑工地务工四个月，包工头拖欠工资约三万二千元，无书面劳动合同，请求法律援助。',
    organisationId: at.centreId,
    receivedAt: new Date(Date.now() - 20 * DAY),
  });
  await triageCase(tx, director, {
    caseId: wages.id,
    serviceType: 'legal-aid',
    category: 'labour-remuneration',
  });
  await assignCase(tx, director, { caseId: wages.id, assigneeId: at.ids.legalaid ?? '' });
  for (const status of ['in-progress', 'resolved'] as const) {
    await changeCaseStatus(tx, director, { caseId: wages.id, status });
  }
  await recordResidentFeedback(tx, desk, {
    caseId: wages.id,
    summary: '短信告知：经劳动监察介入，拖欠工资已全额支付。',
  });
  await recordSatisfaction(tx, desk, { caseId: wages.id, score: 5, comment: '援助律师很负责，工资拿回来了' });
  await changeCaseStatus(tx, desk, { caseId: wages.id, status: 'closed' });

  // 3. A family dispute: mediation agreement → judicial confirmation, chained; a joint consultation.
  const family = await intakeCase(tx, head, box, {
    channel: 'home-visit',
    resident: {
      name: '陈美华',
      phone: '13482207731',
      keyGroups: ['women-and-children'],
      contactPreference: 'visit',
    },
    serviceType: 'mediation',
    category: 'family',
    description: '离婚后子女抚养费长期未按约定支付，请求调解并确认抚养费数额。',
    organisationId: station,
    receivedAt: new Date(Date.now() - 12 * DAY),
    parties: [{ role: 'adverse', name: '周志明' }],
  });
  await holdJointConsultation(tx, head, {
    caseId: family.id,
    heldAt: new Date(Date.now() - 10 * DAY),
    services: ['mediation', 'consultation', 'legal-aid'],
    notes: '联合会商：先行调解确定抚养费数额，达成协议后申请司法确认；如对方拒不履行，转法律援助。',
    attendees: [
      { staffMemberId: head.id ?? '', capacity: '主持' },
      { staffMemberId: mediator.id ?? '', capacity: '人民调解员' },
      { name: '区妇联 权益部 刘老师', capacity: '妇联' },
    ],
  });
  const confirmation = await intakeCase(tx, director, box, {
    channel: 'partner-referral',
    residentId: family.residentId,
    serviceType: 'mediation',
    category: 'family',
    description: '抚养费调解协议已签署，申请人民法院司法确认。',
    organisationId: at.centreId,
  });
  await linkCases(tx, director, {
    fromCaseId: family.id,
    toCaseId: confirmation.id,
    kind: 'judicial-confirmation',
  });

  // 4. A 12345 transfer about property fees: waiting for the resident's documents.
  const property = await intakeCase(tx, desk, box, {
    channel: 'hotline-12345',
    externalRef: '2026031800123',
    resident: { name: '孙伟东', phone: '13801927745', contactPreference: 'phone' },
    serviceType: 'consultation',
    description: '【物业管理】小区物业擅自上调停车费，业主委员会未表决，询问是否合法。',
    organisationId: at.centreId,
    receivedAt: new Date(Date.now() - 3 * DAY),
  });
  await setWaitingForResident(tx, desk, {
    caseId: property.id,
    waiting: true,
    note: '请居民补充物业合同和收费通知',
  });

  // 5. A walk-in at the centre transferred to the Xujiahui station, where the resident lives.
  const transfer = await intakeCase(tx, desk, box, {
    channel: 'walk-in',
    resident: {
      name: '刘桂兰',
      phone: '13564410086',
      keyGroups: ['elderly', 'disabled'],
      contactPreference: 'phone',
    },
    serviceType: 'undecided',
    description: '老人反映子女不履行赡养义务，生活困难，希望社区出面协调。',
    organisationId: at.centreId,
    receivedAt: new Date(Date.now() - 1 * DAY),
  });
  await transferCase(tx, director, {
    caseId: transfer.id,
    organisationId: station,
    reason: '当事人居住在徐家汇街道，由街道工作站就近调解',
  });

  // 6. The core services' own work: community advisers and an X service, then each plugin's demo
  // (notary bookings, legal-aid decisions, logs, advice, events).
  const named = (username: string): Actor => ({
    ...system,
    id: at.ids[username] ?? null,
    name: at.staff.find((x) => x.username === username)?.displayName ?? system.name,
  });
  await seedCoreServices(tx, { stationId: station, staff: named });
  await seedPublicNotices(tx, { centreId: at.centreId, stationId: station, staff: named });
  await seedPlugins(tx, box, { centreId: at.centreId, stationId: station, staff: named });
}
