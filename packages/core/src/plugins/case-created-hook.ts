import { eq, schema, type TenantTx } from '@linju/db';
import type { CaseCreatedEvent, PluginRegistry } from '@linju/plugin-sdk';
import type { PluginLoggerFactory } from './plugin-tasks.ts';

/** A plugin's `onCaseCreated`, ready to run once the intake's transaction has committed. */
export type CaseCreatedHook = { pluginId: string; caseId: string; run: () => Promise<void> };

/**
 * Prepares the `onCaseCreated` hook of a case just taken in, read in the intake's transaction `tx`:
 * `null` unless the case's service is an installed plugin with the hook and the case holds an
 * intake form that plugin's schema accepts (a case opened without one, such as the legal aid case
 * a failed mediation opens, has nothing to hand over). The caller runs it after commit: the hook
 * gets no database, only the tenant and a logger, so it cannot be part of the case's transaction.
 *
 * `run` never throws: the case is taken in whatever the plugin does, so a failing hook is logged
 * on the plugin's logger with the case's id and nothing else happens.
 */
export async function prepareCaseCreatedHook(
  tx: TenantTx,
  tenantId: string,
  plugins: PluginRegistry,
  caseId: string,
  logger: PluginLoggerFactory,
): Promise<CaseCreatedHook | null> {
  const [row] = await tx
    .select({
      serviceType: schema.legalCase.serviceType,
      category: schema.legalCase.category,
      form: schema.legalCase.form,
      organisationId: schema.legalCase.receivedAtOrganisationId,
      receivedAt: schema.legalCase.receivedAt,
    })
    .from(schema.legalCase)
    .where(eq(schema.legalCase.id, caseId));
  if (!row || !plugins.has(row.serviceType)) return null;
  const plugin = plugins.get(row.serviceType);
  const hook = plugin.hooks?.onCaseCreated;
  if (!hook) return null;
  const form = plugins.validateIntake(plugin.id, row.form);
  if (!form.ok) return null;
  const event: CaseCreatedEvent<unknown> = {
    caseId,
    organisationId: row.organisationId,
    categoryId: row.category,
    createdAt: row.receivedAt,
    form: form.data,
  };
  const log = logger(plugin.id, tenantId);
  return {
    pluginId: plugin.id,
    caseId,
    run: async () => {
      try {
        await hook.call(plugin.hooks, { tenantId, logger: log }, event as never);
      } catch (error) {
        log.error('onCaseCreated failed; the case stays taken in', {
          caseId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
