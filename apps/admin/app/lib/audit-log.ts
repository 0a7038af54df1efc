import { isMessageKey, type MessageKey } from '@linju/i18n';
// The plugins' messages name their audit actions: merged into the catalogue in the browser too, or
// the page, once hydrated, would show the codes the server named.
import '@linju/plugins/admin';

/** The object types the filter offers: every one the platform records (a plugin's show when filtered on). */
export { AUDIT_OBJECT_TYPES } from '@linju/vocabulary';

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** The log viewer's state in the URL: the cursor and the object filter. */
export interface AuditQuery {
  /** Show entries written before this one (its `id`: the previous page's `nextBefore`). */
  before: number | undefined;
  objectType: string | undefined;
  objectId: string | undefined;
}

/** Reads the URL; anything the API would refuse is dropped rather than turned into an error page. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const before = Number(params.get('before'));
  const objectType = params.get('objectType')?.trim() ?? '';
  const objectId = params.get('objectId')?.trim() ?? '';
  return {
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    objectType: /^[a-z][a-z_]{0,39}$/.test(objectType) ? objectType : undefined,
    objectId: objectId && objectId.length <= 80 ? objectId : undefined,
  };
}

export function auditQueryParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.objectType) params.set('objectType', query.objectType);
  if (query.objectId) params.set('objectId', query.objectId);
  if (query.before) params.set('before', String(query.before));
  return params;
}

/** `?objectType=…` for the log of one object, e.g. from a unit's or a person's page. */
export function auditSearchFor(objectType: string, objectId: string): string {
  return `?${auditQueryParams({ before: undefined, objectType, objectId })}`;
}

/**
 * The message naming an action: the platform's `auditAction.<action>` (`@linju/vocabulary` lists them
 * and each has one), or a plugin's own `<plugin id>.audit.<what>` for its `<plugin id>.<what>`;
 * undefined for one this build does not know (a plugin removed since), shown as it is.
 */
export function auditActionKey(action: string): MessageKey | undefined {
  const platform = `auditAction.${action}`;
  if (isMessageKey(platform)) return platform;
  const [pluginId, ...what] = action.split('.');
  const plugin = `${pluginId}.audit.${what.join('.')}`;
  return what.length > 0 && isMessageKey(plugin) ? plugin : undefined;
}

/** The message naming an object type: the platform's, or that of the plugin whose action recorded it. */
export function auditObjectTypeKey(objectType: string, action?: string): MessageKey | undefined {
  const platform = `auditObject.${objectType}`;
  if (isMessageKey(platform)) return platform;
  const plugin = action ? `${action.split('.')[0]}.audit.object.${objectType}` : '';
  return isMessageKey(plugin) ? plugin : undefined;
}

/** A before/after snapshot for reading: indented JSON, or nothing when there is none. */
export function snapshotText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.stringify(value, null, 2);
}
