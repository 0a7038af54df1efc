import type { SecretBox } from '@linju/auth';
import {
  type Actor,
  documentStoreFromEnv,
  recordProviderMisconduct,
  registerVolunteer,
  setSubsidyRule,
} from '@linju/core';
import type { TenantTx } from '@linju/db';

const DAY = 86_400_000;
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * Provider records, volunteers and subsidy rules for the demo: the centre's lawyer on the negative
 * list (so assigning him asks for a reason), a law firm's misconduct record, an expired record of
 * the mediator (no longer counted), two volunteers, and the district's case subsidy rules.
 */
export async function seedProviders(
  tx: TenantTx,
  box: SecretBox,
  at: { system: Actor; lawyerId: string; mediatorId: string; stationId: string; centreId: string },
) {
  const files = documentStoreFromEnv({ db: tx, box });
  const now = new Date();
  await recordProviderMisconduct(tx, at.system, files, {
    providerKind: 'lawyer',
    kind: 'negative-list',
    staffMemberId: at.lawyerId,
    firmName: '上海某某律师事务所',
    description: '驻点值班期间向当事人收取额外咨询费',
    occurredOn: shanghaiDay(new Date(now.getTime() - 40 * DAY)),
    evidenceReference: '徐司罚〔2026〕7号',
    expiresOn: shanghaiDay(new Date(now.getTime() + 325 * DAY)),
  });
  await recordProviderMisconduct(tx, at.system, files, {
    providerKind: 'firm',
    kind: 'misconduct',
    providerName: '上海某某律师事务所',
    description: '派驻律师连续三次未按值班表到岗',
    occurredOn: shanghaiDay(new Date(now.getTime() - 20 * DAY)),
    evidenceReference: '检查组记录 XH-JC-2026-031',
  });
  await recordProviderMisconduct(tx, at.system, files, {
    providerKind: 'mediator',
    kind: 'misconduct',
    staffMemberId: at.mediatorId,
    description: '调解笔录未按要求归档',
    occurredOn: '2025-01-10',
    evidenceReference: '案卷评查通报 2025-01',
    expiresOn: '2025-12-31',
  });
  for (const volunteer of [
    { name: '华东政法大学学生 林晓', skills: ['婚姻家庭', '普法宣传'], availability: '每周二、周四下午' },
    { name: '退休法官 周建民', skills: ['民间借贷', '邻里纠纷调解'], availability: '每周一上午' },
  ]) {
    await registerVolunteer(tx, at.system, box, {
      organisationId: at.stationId,
      ...volunteer,
      registeredOn: shanghaiDay(new Date(now.getTime() - 60 * DAY)),
    });
  }
  await setSubsidyRule(tx, at.system, { serviceType: 'mediation', outcome: 'success', amountFen: 20000 });
  await setSubsidyRule(tx, at.system, { serviceType: 'mediation', outcome: 'failure', amountFen: 5000 });
  await setSubsidyRule(tx, at.system, { serviceType: 'consultation', outcome: 'success', amountFen: 10000 });
}
