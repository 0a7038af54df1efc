import { CONTACT_PREFERENCES } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

export {
  CONTACT_PREFERENCES,
  type ContactPreference,
  KEY_GROUPS,
  type KeyGroup,
} from '@linju/vocabulary';

/**
 * A resident (群众/当事人) of the district. Phone and ID number are sealed (AES-256-GCM) and found
 * again by exact value through their blind indexes, and by part through the search tokens; the
 * masked forms are kept so lists never decrypt. One ID number is one resident per tenant; a phone may be shared by a household.
 */
export const resident = pgTable(
  'resident',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    phoneEncrypted: text('phone_encrypted'),
    phoneIndex: text('phone_index'),
    phoneMasked: text('phone_masked'),
    idNumberEncrypted: text('id_number_encrypted'),
    idNumberIndex: text('id_number_index'),
    idNumberMasked: text('id_number_masked'),
    keyGroups: text('key_groups').array().notNull().default(sql`'{}'::text[]`),
    contactPreference: text('contact_preference', { enum: CONTACT_PREFERENCES }).notNull().default('phone'),
    address: text('address'),
    /**
     * Keyed hashes of the name's character pairs and the phone's endings (`box.searchTokens`): a
     * resident found by part of the name or the last digits of the phone, no plaintext stored.
     */
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    /** The data key the tokens were made under; null until made (rotation makes and remakes them). */
    searchTokensKey: text('search_tokens_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('resident_phone_idx').on(t.tenantId, t.phoneIndex),
    uniqueIndex('resident_id_number_unique').on(t.tenantId, t.idNumberIndex),
    // No tenant column: the tokens are keyed per tenant, so no two districts share one.
    index('resident_search_tokens_idx').using('gin', t.searchTokens),
    check(
      'resident_key_groups_known',
      sql`${t.keyGroups} <@ array['elderly','minors','women-and-children','disabled','migrant-workers']::text[]`,
    ),
    tenantIsolation('resident'),
  ],
).enableRLS();

/** Purposes a resident consents to, each recorded with its date (and, for sharing, the partner). */
export const CONSENT_PURPOSES = ['record-keeping', 'feedback-contact', 'share-with-partner'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** What the resident agreed to, per purpose; withdrawing keeps the row and dates the withdrawal. */
export const residentConsent = pgTable(
  'resident_consent',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    residentId: uuid('resident_id').notNull(),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    /** For `share-with-partner`: the partner organisation named in the consent. */
    partnerOrganisationId: uuid('partner_organisation_id'),
    givenOn: date('given_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [resident.tenantId, resident.id] }),
    foreignKey({
      columns: [t.tenantId, t.partnerOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.recordedBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('resident_consent_resident_idx').on(t.tenantId, t.residentId),
    check(
      'resident_consent_partner',
      sql`(${t.purpose} = 'share-with-partner') = (${t.partnerOrganisationId} is not null)`,
    ),
    tenantIsolation('resident_consent'),
  ],
).enableRLS();
