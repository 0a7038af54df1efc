import type { SecretBox } from '@linju/auth';
import { asc, schema, type TenantTx } from '@linju/db';
import type { AnyPlugin, PluginSeedContext, PluginSeedStaff } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { localDate } from '../calendar/working-days.ts';
import type { IntakeRequest } from '../cases/case-schemas.ts';
import { assignCase, intakeCase } from '../cases/case-service.ts';
import type { PluginForms } from '../catalogue/x-service.ts';
import { countPluginActivity } from '../statistics/activity-rollups.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';
import {
  anyCaseOfDistrict,
  atPluginOrganisation,
  atPluginTenant,
  onPluginCase,
  pluginCase,
} from './plugin-case.ts';
import { pluginPermissionCarrier } from './plugin-permission-carrier.ts';
import { pluginStatisticMeasure } from './plugin-statistic-measure.ts';

/** What the demo seed lends a plugin's seed: set up by `linju seed` for the demo district. */
export type PluginSeedPlatform = {
  tenantId: string;
  box: SecretBox;
  /** The installed plugins' forms, for the intakes. */
  forms: PluginForms;
  now: Date;
  organisations: PluginSeedContext['organisations'];
  /** The actor of a demo account by its user name. */
  staff: (username: string) => Actor;
};

/**
 * The context a plugin's demo seed runs with: each demo account's work goes through core's own
 * services in the seed's transaction, under that account's rights, as the plugin's procedures do.
 */
export function pluginSeedContext(
  tx: TenantTx,
  plugin: AnyPlugin,
  platform: PluginSeedPlatform,
): PluginSeedContext {
  const carrier = (permission: string) => pluginPermissionCarrier(plugin, permission);
  const staff = (username: string): PluginSeedStaff => {
    const actor = platform.staff(username);
    return {
      actor: { staffId: actor.id ?? '', name: actor.name },
      async intake(request) {
        // The SDK names no platform channel or key group: intake parses the request (ZIntakeRequest).
        const intake = { ...request, serviceType: plugin.id } as IntakeRequest;
        const created = await intakeCase(tx, actor, platform.box, intake, platform.forms);
        return { caseId: created.id };
      },
      async assign(caseId, assigneeId) {
        await assignCase(tx, actor, { caseId, assigneeId });
      },
      onCase: (caseId, permission, work) =>
        onPluginCase(
          tx,
          actor,
          plugin.id,
          caseId,
          carrier(permission),
          (db, c) =>
            work(db, { id: c.row.id, organisationId: c.row.currentOrganisationId, form: c.row.form }),
          plugin.kind === 'knowledge' ? anyCaseOfDistrict : pluginCase,
        ),
      atOrganisation: (organisationId, permission, work) =>
        atPluginOrganisation(tx, actor, plugin.id, organisationId, carrier(permission), work),
      atDistrict: (permission, work) => atPluginTenant(tx, actor, plugin.id, carrier(permission), work),
      statistics: {
        count: (statisticId, fact) =>
          countPluginActivity(tx, platform.tenantId, pluginStatisticMeasure(plugin, statisticId), fact),
      },
    };
  };
  return {
    tenantId: platform.tenantId,
    now: platform.now,
    calendar: { dateOf: async (at) => localDate(at, await tenantTimeZone(tx, platform.tenantId)) },
    organisations: platform.organisations,
    staff,
    cases: () =>
      tx
        .select({
          id: schema.legalCase.id,
          number: schema.legalCase.number,
          serviceType: schema.legalCase.serviceType,
          description: schema.legalCase.description,
        })
        .from(schema.legalCase)
        .orderBy(asc(schema.legalCase.receivedAt), asc(schema.legalCase.number)),
  };
}
