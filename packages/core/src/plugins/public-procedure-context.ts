import type { TenantTx } from '@linju/db';
import type { AnyPlugin, PublicProcedureContext } from '@linju/plugin-sdk';
import { isMessageTemplateKey } from '@linju/vocabulary';
import { systemActor } from '../actor.ts';
import { openOnlineCase } from '../cases/online-intake.ts';
import { placesForResidents } from '../cases/online-request.ts';
import { DomainError } from '../errors.ts';
import { enqueueMessage } from '../messages/enqueue-message.ts';
import { pluginDb } from '../plugin-data/plugin-db.ts';
import { residentMatters } from '../resident-identity/resident-matters.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';
import { knowledgeCapabilities } from './knowledge-capabilities.ts';
import type { PluginPlatform } from './plugin-procedure-context.ts';

/**
 * The context a plugin's public procedure runs with: its data handle acting as the platform in
 * the plugin's name, and the online intake for the resident who verified their phone (`null`
 * when nobody did). The intake is always of the plugin's own service.
 */
export function publicProcedureContext(
  tx: TenantTx,
  tenantId: string,
  plugin: AnyPlugin,
  platform: Omit<PluginPlatform, 'refer'>,
  resident: { readonly phone: string } | null,
  intake: {
    /** Before each online intake, in its transaction: the caller's per-phone and per-address limits. */
    claim(phone: string): Promise<void>;
    /** In the transaction, with each case opened (not a repeat): the caller queues its after-commit work. */
    opened(caseId: string): Promise<void>;
  },
): PublicProcedureContext {
  const actor = systemActor(tenantId, `public:${plugin.id}`);
  return {
    tenantId,
    logger: platform.logger,
    db: pluginDb(tx, actor, plugin.id),
    resident: resident ? { phone: resident.phone } : null,
    servicePoints: async () =>
      (await placesForResidents(tx)).map((o) => ({
        id: o.id,
        kind: o.kind,
        name: { 'zh-CN': o.nameZh, en: o.nameEn ?? o.nameZh },
        parentId: o.parentId,
        closed: false,
      })),
    async openOnlineCase(request) {
      if (!resident) throw new DomainError('unauthorized', 'resident.not_verified');
      await intake.claim(resident.phone);
      const online = await openOnlineCase(
        tx,
        { tenantId, box: platform.box, files: platform.files, forms: platform.forms },
        {
          phone: resident.phone,
          name: request.residentName,
          serviceType: plugin.id,
          category: request.categoryId ?? null,
          description: request.summary,
          organisationId: request.organisationId,
          form: { ...request.form },
          documents: (request.documents ?? []).map((d) => ({
            fileName: d.fileName,
            contentType: d.contentType,
            contentBase64: Buffer.from(d.content).toString('base64'),
          })),
        },
      );
      if (!online.repeated) await intake.opened(online.caseId);
      return online;
    },
    async residentCases() {
      if (!resident) return [];
      const matters = await residentMatters(tx, platform.box, tenantId, resident.phone);
      return matters
        .filter((m) => m.serviceType === plugin.id)
        .map((m) => ({ caseId: m.id, number: m.number }));
    },
    timeZone: () => tenantTimeZone(tx, tenantId),
    async messageResident({ template, params, caseId }) {
      if (!resident) throw new DomainError('unauthorized', 'resident.not_verified');
      // A programming error of the plugin, not a user's: it names one of the platform's templates.
      if (!isMessageTemplateKey(template)) throw new Error(`${plugin.id}: no message template ${template}`);
      const sent = await enqueueMessage(tx, actor, platform.box, {
        channel: 'sms',
        templateKey: template,
        recipient: resident.phone,
        params: { ...params },
        caseId: caseId ?? null,
      });
      return { messageId: sent.id };
    },
    knowledge: knowledgeCapabilities(tx, actor, platform.knowledge),
  };
}
