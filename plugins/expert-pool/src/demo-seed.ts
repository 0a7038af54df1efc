import type { PluginSeedContext } from '@linju/plugin-sdk';
import { addExpert, type ExpertDetails } from './experts.ts';

/** Six experts across the kinds and fields; the demo's lawyer (刘洋) answers in the app. */
const demoExperts = (lawyerStaffId: string): ExpertDetails[] => [
  {
    name: '刘洋',
    kind: 'lawyer',
    affiliation: '上海市汇理律师事务所',
    fields: ['property-management', 'contract-debt', 'housing-land'],
    availability: 'available',
    staffId: lawyerStaffId,
  },
  {
    name: '陈思远',
    kind: 'scholar',
    affiliation: '华东政法大学民商法学院',
    fields: ['family', 'contract-debt', 'tort'],
    availability: 'available',
  },
  {
    name: '顾建平',
    kind: 'retired-judge',
    affiliation: '徐汇区人民法院（已退休）',
    fields: ['housing-land', 'tort', 'administrative'],
    availability: 'available',
  },
  {
    name: '沈美华',
    kind: 'mediator',
    affiliation: '徐家汇街道人民调解委员会',
    fields: ['family', 'property-management', 'other'],
    availability: 'available',
  },
  {
    name: '郭晓东',
    kind: 'lawyer',
    affiliation: '上海市明伦律师事务所',
    fields: ['labour', 'criminal'],
    availability: 'available',
  },
  {
    name: '许文',
    kind: 'scholar',
    affiliation: '上海交通大学凯原法学院',
    fields: ['intellectual-property', 'administrative'],
    availability: 'left',
  },
];

/** The demo's pool: added by the bureau's administrator, as the pool page does. */
export async function seedExpertPoolDemo(ctx: PluginSeedContext) {
  const admin = ctx.staff('admin');
  const today = await ctx.calendar.dateOf(ctx.now);
  await admin.atDistrict('expert-pool.expert.manage', async (db) => {
    for (const expert of demoExperts(ctx.staff('lawyer').actor.staffId)) await addExpert(db, expert, today);
  });
}
