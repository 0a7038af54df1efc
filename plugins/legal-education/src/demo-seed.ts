import type { PluginSeedContext } from '@linju/plugin-sdk';
import { educationEventFact, recordEvent } from './events.ts';

/** The demo's legal education: this month's events at the centre and the station, one a themed day. */
export async function seedLegalEducationDemo(ctx: PluginSeedContext) {
  const { centreId, stationId } = ctx.organisations;
  const publicity = ctx.staff('publicity');
  const month = (await ctx.calendar.dateOf(ctx.now)).slice(0, 7);
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
    await publicity.atOrganisation(event.organisationId, 'legal-education.event.manage', async (db) => {
      const recorded = await recordEvent(db, event, publicity.actor.name);
      // As `recordEvent`'s procedure does: the event counts in the statistics roll-ups.
      await publicity.statistics.count('events', educationEventFact(recorded));
      return recorded;
    });
  }
}
