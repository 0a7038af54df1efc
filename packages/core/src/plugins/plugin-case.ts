import type { Permission } from '@linju/auth';
import type { TenantTx } from '@linju/db';
import type { PluginDb } from '@linju/plugin-sdk';
import { type Actor, requirePermission, requireTenantWide } from '../actor.ts';
import { pluginAuditWords } from '../audit/append-audit.ts';
import { type LoadedCase, loadCase, recordCaseEvent, requireOnCase } from '../cases/case-access.ts';
import { servicesAt } from '../catalogue/catalogue-service.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { pluginDb, runPluginRule } from '../plugin-data/plugin-db.ts';

/** A line a plugin's operation puts on the case's timeline (a note, with its audit entry). */
export type PluginTimelineNote = { text: string; action: string; data?: Record<string, unknown> };

/** The case, once the staff member may do `permission` on it. */
async function caseAllowing(tx: TenantTx, actor: Actor, caseId: string, permission: Permission) {
  // Reading needs no lock; every change takes the case row first, as core's own changes do.
  const c = await loadCase(tx, caseId, permission !== 'case.read');
  requireOnCase(actor, permission, c);
  return c;
}

/**
 * The case a plugin's operation is about, once the platform has checked it: it exists in the
 * tenant, the staff member may do `permission` on it, and it is a case of this plugin's service
 * (a notary appointment is not booked for a mediation case). The row is locked, as for every
 * change of a case.
 */
export async function pluginCase(
  tx: TenantTx,
  actor: Actor,
  pluginId: string,
  caseId: string,
  permission: Permission,
): Promise<LoadedCase> {
  const c = await caseAllowing(tx, actor, caseId, permission);
  if (c.row.serviceType !== pluginId) {
    throw new DomainError('bad-request', 'plugin.case_of_other_service', {
      field: 'caseId',
      params: { service: pluginId },
    });
  }
  return c;
}

/**
 * A case a knowledge plugin works on, whatever its service, once the platform has checked it: it
 * exists in the tenant, the staff member may do `permission` on it, and the plugin is switched on
 * at the case's unit (by the unit or above it). Locked for a change, as {@link pluginCase} is.
 */
export async function anyCaseOfDistrict(
  tx: TenantTx,
  actor: Actor,
  pluginId: string,
  caseId: string,
  permission: Permission,
): Promise<LoadedCase> {
  const c = await caseAllowing(tx, actor, caseId, permission);
  const [state] = await servicesAt(tx, c.row.currentOrganisationId, [pluginId]);
  if (!state?.enabled) {
    throw new DomainError('forbidden', 'plugin.switched_off_at_case', {
      field: 'caseId',
      params: { service: pluginId },
    });
  }
  return c;
}

/**
 * Runs a plugin's operation on one of its cases: checks the case as {@link pluginCase} does,
 * hands the plugin its data handle, and puts a note on the case's timeline (with its audit
 * entry) when the operation returns one. All in the request's transaction.
 */
export async function onPluginCase<T>(
  tx: TenantTx,
  actor: Actor,
  pluginId: string,
  caseId: string,
  permission: Permission,
  operation: (db: PluginDb, c: LoadedCase) => Promise<{ result: T; timeline?: PluginTimelineNote }>,
): Promise<T> {
  const c = await pluginCase(tx, actor, pluginId, caseId, permission);
  const { result, timeline } = await runPluginRule(() => operation(pluginDb(tx, actor, pluginId), c));
  if (timeline) {
    await recordCaseEvent(tx, actor, c.row, {
      kind: 'note',
      text: timeline.text,
      action: pluginAuditWords(pluginId, timeline).action,
      data: { plugin: pluginId, ...timeline.data },
    });
  }
  return result;
}

/**
 * Runs a plugin's operation at an organisation (a notary office's slots): the organisation must
 * exist in the tenant and the staff member hold `permission` there.
 */
export async function atPluginOrganisation<T>(
  tx: TenantTx,
  actor: Actor,
  pluginId: string,
  organisationId: string,
  permission: Permission,
  operation: (db: PluginDb) => Promise<T>,
): Promise<T> {
  const organisation = await getOrganisation(tx, organisationId);
  requirePermission(actor, permission, organisation.path);
  return runPluginRule(() => operation(pluginDb(tx, actor, pluginId)));
}

/** Runs a plugin's district-wide operation (a setting of the district), for holders of `permission` at the centre. */
export async function atPluginTenant<T>(
  tx: TenantTx,
  actor: Actor,
  pluginId: string,
  permission: Permission,
  operation: (db: PluginDb) => Promise<T>,
): Promise<T> {
  requireTenantWide(actor, permission);
  return runPluginRule(() => operation(pluginDb(tx, actor, pluginId)));
}
