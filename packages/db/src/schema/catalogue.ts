import { boolean, foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * A service plugin switched on (or explicitly off) at an organisation. The nearest setting up
 * the tree decides for a unit, so enabling at the centre covers the district.
 */
export const serviceEnablement = pgTable(
  'service_enablement',
  {
    tenantId: tenantId(),
    organisationId: uuid('organisation_id').notNull(),
    pluginId: text('plugin_id').notNull(),
    enabled: boolean('enabled').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.organisationId, t.pluginId] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    tenantIsolation('service_enablement'),
  ],
).enableRLS();
