import { definePlugin, type PluginMessageKey } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { intakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';

type CounsellingMessageKey = PluginMessageKey<typeof messages>;

/**
 * Psychological counselling (心理疏导): a street office's add-on next to mediation. A matter with a
 * risk of harm is critical whatever else it says: taken in as 特急 with the station head told at
 * once, and logged for the desk.
 */
export const plugin = definePlugin({
  id: 'x-counselling',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'x',
  name: { 'zh-CN': '心理疏导', en: 'Psychological counselling' },
  description: {
    'zh-CN': '社区心理咨询师为纠纷当事人及有需要的居民提供疏导，配合人民调解化解矛盾',
    en: 'Community counsellors support parties to disputes and residents in need, alongside mediation',
  },
  catalogue: [
    {
      id: 'counselling-session',
      name: { 'zh-CN': '心理疏导预约', en: 'Book a counselling session' },
      description: {
        'zh-CN': '每次约 50 分钟，免费，严格保密',
        en: 'About 50 minutes, free and confidential',
      },
    },
  ],
  categories: [
    { id: 'individual', name: { 'zh-CN': '个体疏导', en: 'Individual' } },
    { id: 'family', name: { 'zh-CN': '家庭疏导', en: 'Family' } },
  ],
  intakeForm,
  deadlines: { defaultWorkingDays: 5, byCategory: { family: 10 } },
  permissions: [
    {
      id: 'x-counselling.case.view',
      label: { 'zh-CN': '查看心理疏导案件', en: 'View counselling matters' },
      grantedWith: 'case.read',
    },
    {
      id: 'x-counselling.case.handle',
      label: { 'zh-CN': '办理心理疏导案件', en: 'Handle counselling matters' },
      grantedWith: 'case.handle',
      dependsOn: ['x-counselling.case.view'],
    },
  ],
  hooks: {
    alertOnIntake(form) {
      const messageKey: CounsellingMessageKey = 'x-counselling.alert.risk_of_harm';
      return form.riskOfHarm ? { messageKey } : null;
    },
    onCaseCreated(ctx, info) {
      if (info.form.riskOfHarm)
        ctx.logger.warn('counselling intake with risk of harm: crisis referral needed', {
          caseId: info.caseId,
        });
    },
  },
  procedures,
  messages,
  // Its page of a case, as `linju plugin new` writes one: the intake answers under their labels.
  adminRoutes,
});
