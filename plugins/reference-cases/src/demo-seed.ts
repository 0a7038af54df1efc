import type { PluginSeedContext } from '@linju/plugin-sdk';
import { decideReferenceCase, proposeReferenceCase } from './reference-case-library.ts';

const CIVIL_CODE = '中华人民共和国民法典';
const LABOUR_CONTRACT_LAW = '中华人民共和国劳动合同法';
const MEDIATION_LAW = '中华人民共和国人民调解法';

/**
 * The demo's library: three matters of the kinds the demo's services close (a loan mediated, a
 * neighbour's noise, wages owed), proposed by the desk and approved by the director through the
 * plugin's own rules. A seed reaches no other service's cases, so they stand without a source case.
 */
export async function seedReferenceCasesDemo(ctx: PluginSeedContext) {
  const desk = ctx.staff('desk');
  const director = ctx.staff('director');
  for (const demo of DEMO_CASES) {
    const proposed = await desk.atDistrict('reference-cases.case.propose', (db) =>
      proposeReferenceCase(db, { ...demo, sourceCaseId: null }, desk.actor.name),
    );
    await director.atDistrict('reference-cases.case.approve', (db) =>
      decideReferenceCase(db, { id: proposed.id, approve: true }, director.actor.name),
    );
  }
}

const DEMO_CASES = [
  {
    serviceType: 'mediation',
    category: 'debts',
    title: '朋友间五万元借款逾期未还，调解约定分期归还',
    summary:
      '当事人甲于两年前借给朋友当事人乙五万元用于经营，有借条，约定一年内归还，未约定利息。到期后当事人乙以生意亏损为由一再拖延，当事人甲向街道人民调解委员会申请调解。',
    resolution:
      '调解员释明借款到期应当归还、未约定利息的视为没有利息，并听取当事人乙的还款能力。双方达成调解协议：当事人乙分十个月每月归还五千元，逾期一期则剩余款项一次到期；协议经双方签字，并告知可申请司法确认。',
    statutes: [
      { written: '《民法典》第六百七十五条', law: CIVIL_CODE, article: 675 },
      { written: '《民法典》第六百八十条', law: CIVIL_CODE, article: 680 },
      { written: '《人民调解法》第三十三条', law: MEDIATION_LAW, article: 33 },
    ],
  },
  {
    serviceType: 'mediation',
    category: 'neighbours',
    title: '楼上深夜噪音扰民，调解约定作息时段',
    summary:
      '当事人甲反映楼上住户当事人乙家中每晚十一点后仍有拖动家具、跳绳等声响，影响老人休息，多次上门沟通未果，双方发生口角，向社区人民调解委员会求助。',
    resolution:
      '调解员到双方家中查看，说明相邻关系应当遵循有利生产、方便生活、团结互助、公平合理的原则。双方约定晚上十点至早上七点不进行跳绳等活动，当事人乙在客厅铺设隔音地垫；一个月后回访，双方均表示满意。',
    statutes: [
      { written: '《民法典》第二百八十八条', law: CIVIL_CODE, article: 288 },
      { written: '《民法典》第二百九十四条', law: CIVIL_CODE, article: 294 },
    ],
  },
  {
    serviceType: 'legal-aid',
    category: 'labour-remuneration',
    title: '装修公司拖欠农民工工资，经仲裁调解一次付清',
    summary:
      '三名农民工在某装修公司务工五个月，公司以工程款未结为由拖欠工资合计四万八千元。当事人甲代表三人申请法律援助，经审查符合条件，指派律师代理申请劳动仲裁。',
    resolution:
      '援助律师收集考勤记录、微信工资确认记录作为证据，指出用人单位不得以工程款未结为由拖欠劳动报酬。经劳动人事争议仲裁委员会调解，公司当庭支付拖欠工资四万八千元，案件调解结案。',
    statutes: [
      { written: '《劳动合同法》第三十条', law: LABOUR_CONTRACT_LAW, article: 30 },
      { written: '《劳动合同法》第八十五条', law: LABOUR_CONTRACT_LAW, article: 85 },
    ],
  },
];
