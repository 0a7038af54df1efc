import type { SecretBox } from '@linju/auth';
import {
  type Actor,
  assignCase,
  atPluginOrganisation,
  atPluginTenant,
  contractAdviser,
  countConsultation,
  countEducationEvent,
  defineXService,
  getOrganisation,
  intakeCase,
  onPluginCase,
  subtreeOf,
} from '@linju/core';
import type { TenantTx } from '@linju/db';
import { giveAdvice } from '@linju/plugin-appraisal';
import { logConsultation } from '@linju/plugin-consultation';
import { decide, recordSubsidy, reportClosure, setThreshold } from '@linju/plugin-legal-aid';
import { recordEvent } from '@linju/plugin-legal-education';
import { bookingNote, bookSlot, defineSlot, setReceivedDocuments } from '@linju/plugin-notary';
import { pluginIds, pluginRegistry } from '@linju/plugins';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A local date (Asia/Shanghai, the demo district's zone) as `YYYY-MM-DD`. */
const localDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * Demo content for the pages of the core services: a notary office's appointment book and a
 * notarial matter with its documents half in, legal-aid applications before and after the decision
 * (with the district's hardship threshold), a consultation log, an appraisal consultation and the
 * month's publicity events. Made through the plugins' own rules, as the API would.
 *
 * `staff(username)` is the system actor under a demo account's name: the seed acts as that person
 * without tying the demo to which role holds which right.
 */
export async function seedCoreServices(
  tx: TenantTx,
  box: SecretBox,
  at: { centreId: string; stationId: string; staff: (username: string) => Actor },
) {
  const { centreId, stationId, staff } = at;
  const desk = staff('desk');
  const now = Date.now();

  // Legal aid: the district's economic-hardship threshold, in force since the start of the year.
  await atPluginTenant(tx, staff('admin'), 'legal-aid', 'case.settings.manage', (db) =>
    setThreshold(
      db,
      {
        effectiveFrom: `${localDate(new Date(now)).slice(0, 4)}-01-01`,
        monthlyPerCapitaIncome: 2690,
        basis: '本市最低工资标准 2690 元',
      },
      '区局管理员 王敏',
    ),
  );

  // Notary: the centre's appointment book for the next two weeks, 9:30 and 14:00 on weekdays.
  const notary = staff('notary');
  const slotIds: string[] = [];
  for (let d = 1; d <= 14; d++) {
    const day = localDate(new Date(now + d * DAY));
    const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [start, end] of [
      ['09:30', '10:30'],
      ['14:00', '15:00'],
    ] as const) {
      const slot = await atPluginOrganisation(tx, notary, 'notary', centreId, 'case.manage', (db) =>
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
  const inheritance = await intakeCase(
    tx,
    desk,
    box,
    {
      channel: 'walk-in',
      resident: { name: '吴佩琴', phone: '13917708823', keyGroups: ['elderly'], contactPreference: 'phone' },
      serviceType: 'notary',
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
    },
    pluginRegistry,
  );
  await onPluginCase(tx, notary, 'notary', inheritance.id, 'case.handle', async (db) => ({
    result: await setReceivedDocuments(
      db,
      'inheritance',
      { caseId: inheritance.id, received: ['death-certificate', 'heirs-id'] },
      notary.name,
    ),
    timeline: { text: '公证材料已收 2/5，尚缺 2 项', action: 'notary.documents.received' },
  }));
  const firstSlot = slotIds[0];
  if (firstSlot) {
    await onPluginCase(tx, notary, 'notary', inheritance.id, 'case.handle', async (db) => {
      const booking = await bookSlot(
        db,
        {
          caseId: inheritance.id,
          slotId: firstSlot,
          greenChannel: 'elderly',
          homeVisitAddress: '徐汇区天平路 188 弄 6 号 302 室',
        },
        notary.name,
      );
      return { result: booking, timeline: { ...bookingNote(booking), action: 'notary.booking.created' } };
    });
  }

  // Legal aid: a support-payment claim waiting for its decision (hardship check), and a granted
  // migrant worker's wage claim with its closure report and subsidy.
  const officer = staff('legalaid');
  await intakeCase(
    tx,
    desk,
    box,
    {
      channel: 'walk-in',
      resident: { name: '何秀兰', phone: '13621880937', keyGroups: ['elderly'], contactPreference: 'phone' },
      serviceType: 'legal-aid',
      category: 'support-payments',
      description: '七十八岁老人，两个儿子长期不支付赡养费，申请法律援助起诉追索赡养费。',
      organisationId: centreId,
      receivedAt: new Date(now - 2 * DAY),
      form: {
        applicantName: '何秀兰',
        matter: 'support-payments',
        summary: '申请人年满七十八岁，靠微薄养老金生活，两个儿子长期拒付赡养费，多次调解未果。',
        opposingParty: '张建华、张建平',
        migrantWorkerWageClaim: false,
        hardship: {
          householdSize: 1,
          monthlyHouseholdIncome: 1850,
          incomeSources: '城乡居民养老金',
          truthfulnessPledge: true,
        },
      },
    },
    pluginRegistry,
  );
  const wages = await intakeCase(
    tx,
    desk,
    box,
    {
      channel: 'hotline-12348',
      resident: {
        name: '马建军',
        phone: '13764402215',
        keyGroups: ['migrant-workers'],
        contactPreference: 'sms',
      },
      serviceType: 'legal-aid',
      category: 'labour-remuneration',
      description: '装修公司拖欠三名农民工工资合计四万八千元，申请法律援助。',
      organisationId: centreId,
      receivedAt: new Date(now - 30 * DAY),
      form: {
        applicantName: '马建军',
        matter: 'labour-remuneration',
        summary: '在某装修公司务工五个月，公司以工程款未结为由拖欠工资，已申请劳动仲裁。',
        opposingParty: '上海某装饰工程有限公司',
        migrantWorkerWageClaim: true,
      },
    },
    pluginRegistry,
  );
  await assignCase(tx, staff('director'), { caseId: wages.id, assigneeId: officer.id ?? '' });
  const wagesCase = {
    caseId: wages.id,
    receivedOn: localDate(new Date(now - 30 * DAY)),
    today: localDate(new Date(now)),
  };
  await onPluginCase(tx, officer, 'legal-aid', wages.id, 'case.handle', async (db, c) => {
    const intake = { ...wagesCase, intake: c.row.form as never };
    const decision = await decide(
      db,
      { ...intake, today: localDate(new Date(now - 27 * DAY)) },
      { caseId: wages.id, granted: true },
      officer.name,
    );
    await reportClosure(
      db,
      intake,
      {
        caseId: wages.id,
        lawyerName: '赵律师（上海某律师事务所）',
        outcome: 'mediated',
        amountRecovered: 48000,
        summary: '经劳动仲裁委员会调解，用人单位当庭支付拖欠工资四万八千元，案件调解结案。',
      },
      officer.name,
    );
    await recordSubsidy(
      db,
      intake,
      {
        caseId: wages.id,
        recipient: '上海某律师事务所',
        amount: 1500,
        basis: '民事仲裁案件办案补贴标准',
        paidOn: localDate(new Date(now - 2 * DAY)),
      },
      officer.name,
    );
    return {
      result: decision,
      timeline: { text: '决定给予法律援助；已结案并发放办案补贴', action: 'legal-aid.decision.made' },
    };
  });

  // Consultation: a hotline question about a deposit, answered twice (hotline, then online).
  const lawyer = staff('lawyer');
  const deposit = await intakeCase(
    tx,
    desk,
    box,
    {
      channel: 'hotline-12348',
      resident: { name: '郑晓燕', phone: '13816653390', contactPreference: 'phone' },
      serviceType: 'consultation',
      description: '租房合同到期退租，房东以墙面污损为由拒退押金六千元。',
      organisationId: centreId,
      receivedAt: new Date(now - 3 * HOUR),
      form: {
        topic: '房屋租赁押金不退',
        channel: 'hotline',
        question: '租房合同到期后退租，房东以墙面有污损为由拒绝退还六千元押金，是否合法？',
      },
    },
    pluginRegistry,
  );
  for (const log of [
    {
      channel: 'hotline' as const,
      heldAt: new Date(now - 2 * HOUR),
      durationMinutes: 18,
      answer:
        '正常使用造成的损耗不应由承租人负担；建议收集退租时的照片和交接记录，与房东协商，协商不成可申请调解或起诉。',
      followUp: 'documents-requested' as const,
      followUpNote: '请当事人补充租赁合同和退租交接照片',
    },
    {
      channel: 'online' as const,
      heldAt: new Date(now - HOUR),
      durationMinutes: 25,
      answer:
        '已审阅合同：押金条款未约定扣除标准，房东扣除须举证损失；可向房东发函要求退还，并告知可申请人民调解。',
      followUp: 'none' as const,
    },
  ]) {
    await onPluginCase(tx, lawyer, 'consultation', deposit.id, 'case.handle', async (db, c) => {
      const written = await logConsultation(
        db,
        { caseId: deposit.id, topic: '房屋租赁押金不退', adviserName: '社区法律顾问 钱律师', ...log },
        c.row.currentOrganisationId,
        lawyer.name,
      );
      // As `consultation.log.create` does: the minutes count in the statistics roll-ups.
      await countConsultation(tx, c.row.tenantId, written);
      return { result: written, timeline: { text: written.answer, action: 'consultation.log.written' } };
    });
  }

  // Community lawyer advisers (一居一法律顾问) of two rooms of the station, under contract this year.
  const year = localDate(new Date(now)).slice(0, 4);
  const rooms = (await subtreeOf(tx, (await getOrganisation(tx, stationId)).path)).filter(
    (o) => o.kind === 'room',
  );
  for (const [room, lawyerName, lawFirm] of [
    [rooms[0], '钱律师', '上海某律师事务所'],
    [rooms[1], '孔律师', '上海某某律师事务所'],
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

  // Appraisal: a disability-grade question after a traffic accident (the institution to refer it
  // to, with its partner user, is one of the district's partners).
  const appraiser = staff('appraiser');
  const injury = await intakeCase(
    tx,
    desk,
    box,
    {
      channel: 'walk-in',
      resident: { name: '冯立新', phone: '13585512076', contactPreference: 'phone' },
      serviceType: 'appraisal',
      description: '交通事故致左腿骨折，出院后询问如何做伤残等级鉴定以便索赔。',
      organisationId: centreId,
      receivedAt: new Date(now - 1 * DAY),
      form: {
        appraisalType: 'disability-grade',
        purpose: 'insurance-claim',
        summary: '三个月前骑电动车被汽车撞倒，左胫骨骨折，内固定术后已出院，保险公司要求提供伤残等级鉴定。',
        medicalRecordsAvailable: true,
      },
    },
    pluginRegistry,
  );
  await onPluginCase(tx, appraiser, 'appraisal', injury.id, 'case.handle', async (db) => {
    const advice = await giveAdvice(
      db,
      {
        caseId: injury.id,
        appraisalType: 'disability-grade',
        advice:
          '骨折内固定术后一般应在治疗终结（通常伤后六个月左右）再做伤残等级鉴定；请备齐病历、影像资料和事故认定书。',
      },
      appraiser.name,
    );
    return { result: advice, timeline: { text: advice.advice, action: 'appraisal.advice.given' } };
  });

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

  // Legal education: this month's events at the centre and the Xujiahui station, one a themed day.
  const publicity = staff('publicity');
  const month = localDate(new Date(now)).slice(0, 7);
  for (const event of [
    {
      organisationId: centreId,
      heldOn: `${month}-01`,
      eventType: 'lecture' as const,
      theme: 'civil-code' as const,
      title: '民法典婚姻家庭编讲座',
      venue: '徐汇区公共法律服务中心多功能厅',
      audience: '社区居民',
      attendance: 86,
      materials: 300,
      campaign: '民法典宣传月',
    },
    {
      organisationId: stationId,
      heldOn: `${month}-02`,
      eventType: 'into-worksites' as const,
      theme: 'labour-wages' as const,
      title: '送法进工地：农民工工资支付保障',
      venue: '徐家汇某在建工地生活区',
      audience: '建筑工人',
      attendance: 120,
      materials: 500,
      campaign: '民法典宣传月',
      themedDay: true,
    },
    {
      organisationId: stationId,
      heldOn: `${month}-03`,
      eventType: 'into-communities' as const,
      theme: 'anti-fraud' as const,
      title: '防范养老诈骗进社区',
      venue: '徐家汇街道社区活动中心',
      audience: '老年居民',
      attendance: 64,
      materials: 200,
    },
  ]) {
    await atPluginOrganisation(
      tx,
      publicity,
      'legal-education',
      event.organisationId,
      'case.handle',
      async (db) => {
        const recorded = await recordEvent(db, event, publicity.name);
        // As `legalEducation.event.create` does: the event counts in the statistics roll-ups.
        await countEducationEvent(tx, publicity.tenantId, recorded);
        return recorded;
      },
    );
  }
}
