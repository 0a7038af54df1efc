import type { SecretBox } from '@linju/auth';
import { inArray, schema, type TenantTx } from '@linju/db';
import type { Actor } from '../actor.ts';
import { enqueueMessage } from './enqueue-message.ts';

/** The group robots a district may configure for its staff (企业微信 / 钉钉 group chats). */
const STAFF_GROUP_CHANNELS = ['wecom-robot', 'dingtalk-robot'] as const;

/**
 * 督办: an escalation also reaches the district's staff group chat on every robot channel the
 * district configured, with the change that raised it; a district without robots is told in the
 * app only. `level` is said in words (`已{level}`: 超过办理期限, 触发受理预警).
 */
export async function alertStaffGroups(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  input: { caseId: string; number: string; level: string },
) {
  const configured = await tx
    .select({ channel: schema.messageProvider.channel })
    .from(schema.messageProvider)
    .where(inArray(schema.messageProvider.channel, [...STAFF_GROUP_CHANNELS]));
  const queued: string[] = [];
  for (const { channel } of configured) {
    const { id } = await enqueueMessage(tx, actor, box, {
      channel,
      templateKey: 'escalation-to-station-head',
      recipient: 'group',
      params: { number: input.number, level: input.level },
      caseId: input.caseId,
    });
    queued.push(id);
  }
  return queued;
}
