import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Sessions the Lucia way: the cookie carries `<id>.<secret>`; the row keeps the id and the SHA-256
 * of the secret, never the secret. Platform table: a request's session is read before its tenant
 * is known.
 */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    /** Hex SHA-256 of the token's secret, compared in constant time. */
    secretHash: text('secret_hash').notNull(),
    tenantId: uuid('tenant_id'),
    staffMemberId: uuid('staff_member_id'),
    platformOperatorId: uuid('platform_operator_id'),
    /** The idle expiry, sliding, never past `createdAt` plus the absolute lifetime. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** A TOTP code was accepted in this session (not: "none was needed" — that is decided per request). */
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
    /** When the password was given: the absolute lifetime counts from here, across the rotation. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_staff_member_idx').on(t.tenantId, t.staffMemberId)],
);

/** Operators of the platform itself, outside every tenant. */
export const platformOperator = pgTable('platform_operator', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  totpKeyEncrypted: text('totp_key_encrypted'),
  /** The TOTP time step of the last accepted code: a code is taken once. */
  totpLastUsedStep: integer('totp_last_used_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An operator's one-time setup link (`linju init --setup-link`): the SHA-256 of its token, never the
 * token; valid until `expiresAt`, once. The app role reads it and completes it only through
 * `complete_operator_setup`, the one way it may set an operator's password.
 */
export const platformOperatorSetup = pgTable('platform_operator_setup', {
  operatorId: uuid('operator_id')
    .primaryKey()
    .references(() => platformOperator.id, { onDelete: 'cascade' }),
  /** Hex SHA-256 of the link's token. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed logins per key (`account:<tenant>:<username>`, `ip:<address>`; wrong TOTP codes under
 * `totp:<tenant>:<staff member>` or `totp:operator:<operator>`), for throttling.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
