import { isMessageKey, type MessageKey } from '@linju/i18n';

/** The object types the filter offers; the log may hold others, which show as they are. */
export const AUDIT_OBJECT_TYPES = [
  'organisation',
  'staff_member',
  'community_adviser',
  'case',
  'resident',
  'calendar',
  'tenant',
] as const;

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** The log viewer's state in the URL: the cursor and the object filter. */
export interface AuditQuery {
  /** Show entries before this sequence number (the previous page's `nextBefore`). */
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

/** The message naming an action (`organisation.created`), or undefined for one this build does not know. */
export function auditActionKey(action: string): MessageKey | undefined {
  const key = `auditAction.${action}`;
  return isMessageKey(key) ? key : undefined;
}

export function auditObjectTypeKey(objectType: string): MessageKey | undefined {
  const key = `auditObject.${objectType}`;
  return isMessageKey(key) ? key : undefined;
}

/** A before/after snapshot for reading: indented JSON, or nothing when there is none. */
export function snapshotText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.stringify(value, null, 2);
}
