import type { SecretBox } from '@linju/auth';
import type { TenantTx } from '@linju/db';
import { isMessageKey, translate } from '@linju/i18n';
import type { IntakeAlert } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import type { PluginForms } from '../catalogue/x-service.ts';
import { alertStaffGroups } from '../messages/alert-staff-groups.ts';
import { notify } from '../notifications/notification-service.ts';
import { stationHeadsOver } from '../staff/role-holders.ts';
import { type CaseRow, recordCaseEvent } from './case-access.ts';

/** The alert the service's plugin raises for this intake form (`alertOnIntake`), if any. */
export function intakeAlertOf(
  plugins: PluginForms | undefined,
  serviceType: string,
  form: Record<string, unknown>,
): IntakeAlert | null {
  if (!plugins?.has(serviceType)) return null;
  return plugins.get(serviceType as never).hooks?.alertOnIntake?.(form as never) ?? null;
}

/**
 * Raises a plugin's intake alert on the case just taken in (already critical): its message on the
 * timeline — in Chinese, as the record is kept — and a notification to the heads over the
 * receiving unit, in each reader's language, and the district's staff group robots where configured;
 * in the intake's transaction, so never one without the other.
 */
export async function raiseIntakeAlert(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: CaseRow,
  organisationPath: string,
  alert: IntakeAlert,
) {
  const params = { number: row.number };
  await recordCaseEvent(tx, actor, row, {
    kind: 'note',
    action: 'case.alert_raised',
    text: isMessageKey(alert.messageKey) ? translate('zh-CN', alert.messageKey, params) : alert.messageKey,
    data: { serviceType: row.serviceType, messageKey: alert.messageKey, urgency: row.urgency },
  });
  await notify(tx, {
    tenantId: actor.tenantId,
    recipientIds: await stationHeadsOver(tx, organisationPath),
    kind: 'case.alert',
    caseId: row.id,
    messageKey: alert.messageKey,
    params,
  });
  await alertStaffGroups(tx, actor, box, { caseId: row.id, number: row.number, level: '触发受理预警' });
}
