/**
 * tRPC set-up in three parts: the context every request carries, the initialisation (errors in
 * the user's language as message keys), and the procedures that narrow the context step by step:
 * public → signed in → tenant (one transaction bound to the tenant) → permission.
 */
import {
  claimAttempt,
  clearFailures,
  type Permission,
  roleAllows,
  type SecretBox,
  type Session,
  validateSessionToken,
} from '@linju/auth';
import {
  type Actor,
  type DocumentStore,
  DomainError,
  findTenantById,
  findTenantBySlug,
  getStaffMember,
  grantsOf,
  nextStep,
  type PeerFetcher,
  type ResidentIdentity,
  type RoleGrantView,
  residentOfToken,
  roleGrantsOf,
  type StaffMember,
  type Tenant,
} from '@linju/core';
import { type Database, isDatabaseTimeout, type TenantTx, withTenant } from '@linju/db';
import { inDistrictTimeZone, type LanguageModel } from '@linju/plugin-sdk';
import type { WorkflowEngine } from '@linju/workflows';
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { type FormSubmission, oncePerSubmission } from './form-submission.ts';
import { carrierOf } from './plugin-permissions.ts';
import { procedureSpan } from './procedure-span.ts';

// 1. Context ---------------------------------------------------------------------------------

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type ApiContext = {
  db: Database;
  box: SecretBox;
  requestId: string;
  ip: string;
  log: Logger;
  /** The session cookie's token, if any; validated by `signedInProcedure`. */
  sessionToken: string | null;
  /**
   * The resident session cookie's token (`linju_resident`), if any: resolved by
   * {@link districtSiteProcedure} into `ctx.resident` for the district the address names only.
   */
  residentToken?: string | null;
  /** The tenant named by the URL or host: only a hint, checked against the session. */
  tenantSlugHint: string | null;
  /** Is the workflow engine reachable? (for the health check) */
  temporalHealthy: () => Promise<boolean>;
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
  /**
   * The time TOTP codes are checked at; the wall clock unless given. A code is accepted once, so
   * tests step this clock to the next code instead of waiting 30 seconds.
   */
  totpClock?: () => Date;
  /** Where documents are stored (`LINJU_DOCUMENT_STORE`); PostgreSQL through `db` when not given. */
  files?: DocumentStore;
  /**
   * The workflow engine: one long-lived Temporal client (the server's). Procedures that start or
   * move a referral refuse with `referral.workflows_unavailable` without it.
   */
  temporal?: WorkflowEngine;
  /**
   * Signed GETs to nodes of the referral exchange, as this node (the server's key): the bodies of
   * incoming referrals' attachments are fetched with it when first read.
   */
  fetchFromPeer?: PeerFetcher;
  /** Told how long each procedure call took and how it ended (`ok` or its tRPC code): the server's metrics. */
  observeProcedure?: (procedure: string, outcome: string, seconds: number) => void;
  /** The form post being answered, when it carried a submission key: its changes are made once. */
  submission?: FormSubmission;
  /**
   * The operator's language model for the knowledge services (`ctx.knowledge.languageModel`),
   * built by the server from its settings; none (`null`) when not given.
   */
  languageModel?: LanguageModel | null;
};

/** When the request's TOTP code is checked: its `totpClock`, else now. */
export const totpTimeOf = (ctx: ApiContext) => ctx.totpClock?.() ?? new Date();

/** What a procedure declares about itself, read before it runs. */
export type ApiMeta = {
  /**
   * It checks a guess at a secret: refused inside an HTTP batch (`checkBatch`). A guess at the
   * current password is counted per person before it runs ({@link signedInProcedure}); a second
   * factor is counted where its code is weighed, under the person's row lock (`acceptTotpCode`).
   */
  guess?: 'password' | 'second-factor';
};

// 2. Initialisation --------------------------------------------------------------------------

const STATUS: Record<DomainError['kind'], TRPC_ERROR_CODE_KEY> = {
  'bad-request': 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  throttled: 'TOO_MANY_REQUESTS',
};

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError
          ? Object.fromEntries(cause.issues.map((i) => [i.path.join('.'), i.message]))
          : cause instanceof DomainError && cause.field
            ? { [cause.field]: cause.message }
            : undefined;
      const params = cause instanceof DomainError ? cause.params : undefined;
      return { ...shape, data: { ...shape.data, stack: undefined, fieldErrors, params } };
    },
  });

/** Domain and validation errors become tRPC errors whose message is an i18n key. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: STATUS[cause.kind], message: cause.message, cause });
    }
    // Both a procedure's own parse and tRPC's input parser end here.
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'validation.failed', cause });
    }
    // Out of time (a deadline of the database or of its pool): busy, try again — not a fault.
    if (isDatabaseTimeout(cause)) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'error.busy', cause });
    }
  }
  return result;
});

/** Times every call, after errors were mapped, so the outcome is the code the caller sees. */
const timing = t.middleware(async ({ ctx, path, next }) => {
  if (!ctx.observeProcedure) return next();
  const started = performance.now();
  const result = await next();
  ctx.observeProcedure(path, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
  return result;
});

/** A trace span per call (when the request is traced), outermost: it sees the outcome the caller sees. */
const tracing = t.middleware(({ path, type, next }) => procedureSpan(path, type, () => next()));

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures ------------------------------------------------------------------------------

export const publicProcedure = t.procedure.use(tracing).use(timing).use(errorMapping);

/**
 * A resident-facing procedure of the district the address names (its public site): no session,
 * `ctx.district` the active district of `/t/<slug>` or the host; `not-found` for none or one that
 * is not active. Its work runs `withTenant(ctx.db, ctx.district.id, …)` like any other.
 * `ctx.resident` is the resident whose phone the cookie proves in this district, else null.
 */
export const districtSiteProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const district = ctx.tenantSlugHint ? await findTenantBySlug(ctx.db, ctx.tenantSlugHint) : null;
  if (district?.status !== 'active') throw new DomainError('not-found', 'tenant.not_found');
  const resident: ResidentIdentity | null = ctx.residentToken
    ? await residentOfToken(ctx.db, ctx.box, district.id, ctx.residentToken)
    : null;
  return next({ ctx: { district, resident } });
});

/** The district's public site with a resident who proved their phone in this district. */
export const residentProcedure = districtSiteProcedure.use(({ ctx, next }) => {
  if (!ctx.resident) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'resident.not_verified' });
  return next({ ctx: { resident: ctx.resident } });
});

/**
 * A live session, whatever its state (second factor or password change may still be due). A
 * guess at the current password (`meta.guess`) is claimed here, before the request's transaction —
 * a wrong guess rolls that back and must still count: five per person in a quarter hour, like
 * sign-in. A right one clears the count.
 */
export const signedInProcedure = publicProcedure.use(async ({ ctx, next, meta }) => {
  const session = ctx.sessionToken ? await validateSessionToken(ctx.db, ctx.sessionToken) : null;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' });
  if (meta?.guess !== 'password') return next({ ctx: { session } });
  const key = `${meta.guess}:${session.staffMemberId ?? session.platformOperatorId}`;
  const wait = await claimAttempt(ctx.db, 'account', key);
  if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  const result = await next({ ctx: { session } });
  if (result.ok) await clearFailures(ctx.db, key);
  return result;
});

/**
 * Runs `fn` in one transaction bound to the session's tenant, with the person and their grants
 * loaded. Throws when the session is not a staff session of an active tenant matching the hint.
 */
export async function inTenantSession<T>(
  ctx: ApiContext & { session: Session },
  fn: (tc: TenantSession) => Promise<T>,
): Promise<T> {
  const { tenantId, staffMemberId } = ctx.session;
  if (!tenantId || !staffMemberId) throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  const tenant = await findTenantById(ctx.db, tenantId);
  if (tenant?.status !== 'active') throw new TRPCError({ code: 'FORBIDDEN', message: 'tenant.suspended' });
  if (ctx.tenantSlugHint && ctx.tenantSlugHint !== tenant.slug) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'tenant.mismatch' });
  }
  const afterCommit: AfterCommitTask[] = [];
  // The district's clock for what the request parses: a date field's bounds are in its days.
  const result = await inDistrictTimeZone(tenant.timeZone, () =>
    withTenant(ctx.db, tenantId, async (tx) => {
      // Together: one round trip (grants of a disabled person are read, then ignored).
      const [staff, roleGrants] = await Promise.all([
        getStaffMember(tx, staffMemberId),
        roleGrantsOf(tx, staffMemberId),
      ]);
      if (staff.disabledAt) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.not_signed_in' });
      const actor: Actor = {
        id: staff.id,
        name: staff.displayName,
        tenantId,
        grants: grantsOf(roleGrants),
        requestId: ctx.requestId,
      };
      return fn({
        tenantId,
        tenant,
        tx,
        staff,
        roleGrants,
        actor,
        afterCommit: (task) => afterCommit.push(task),
      });
    }),
  );
  // Only once the transaction committed: what a task does must survive its failure (the referral
  // reconciler starts a workflow whose start was lost), so a failure is logged, not answered.
  for (const task of afterCommit) {
    try {
      await task.run();
    } catch (error) {
      ctx.log.warn(
        { event: 'after-commit failed', task: task.name, err: error },
        `after commit: ${task.name} failed`,
      );
    }
  }
  return result;
}

/** Work a procedure hands over to run after its transaction committed (e.g. starting a workflow). */
export type AfterCommitTask = { name: string; run: () => Promise<void> };

export type TenantSession = {
  tenantId: string;
  tenant: Tenant;
  tx: TenantTx;
  staff: StaffMember;
  roleGrants: RoleGrantView[];
  actor: Actor;
  /**
   * Runs `task` after the request's transaction commits (never if it rolls back): for effects
   * outside the database that must not see uncommitted rows, nor hold the transaction's locks.
   */
  afterCommit: (task: AfterCommitTask) => void;
};

/** A staff session of the tenant: the procedure runs in one transaction bound to that tenant. */
export const tenantSessionProcedure = signedInProcedure.use(({ ctx, next, type, path }) =>
  inTenantSession(ctx, (tc) =>
    oncePerSubmission(ctx, tc, { type, path }, async () => {
      const result = await next({ ctx: tc });
      // tRPC hands a failure back as a value; throwing it is what rolls the transaction back.
      if (!result.ok) throw result.error;
      return result;
    }),
  ),
);

/**
 * Second factor done where the person needs one — judged by their grants now, not when the
 * session began — though a password change may still be due (the one step allowed then).
 */
export const tenantVerifiedProcedure = tenantSessionProcedure.use(async ({ ctx, next }) => {
  const step = nextStep(ctx.staff, ctx.roleGrants, ctx.session.twoFactorVerified);
  if (step === 'totp' || step === 'totp-setup')
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.totp_required' });
  return next();
});

/** Fully signed in: second factor done where needed, no password change pending. */
export const tenantProcedure = tenantVerifiedProcedure.use(async ({ ctx, next }) => {
  if (ctx.staff.mustChangePassword) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.password_change_required' });
  }
  return next();
});

/** A tenant procedure that also needs `permission` somewhere in the tree (checked again per object). */
export const permittedProcedure = (permission: Permission) =>
  tenantProcedure.use(async ({ ctx, next }) => {
    if (!ctx.actor.grants.some((g) => roleAllows(g.role, permission))) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    }
    return next();
  });

/**
 * A tenant procedure that needs a plugin's own permission (`x-psychology.case.handle`)
 * somewhere in the tree: held where the platform permission carrying it (`grantedWith`) is held,
 * refused as {@link permittedProcedure} refuses. `ctx.carrier` is that platform permission, for
 * the check on the case or the organisation (`onPluginCase(…, ctx.carrier, …)`). An id no
 * installed plugin declares throws when the procedure's module loads, stopping the server.
 */
export const pluginPermittedProcedure = (pluginPermissionId: string) => {
  const carrier = carrierOf(pluginPermissionId);
  return permittedProcedure(carrier).use(({ next }) => next({ ctx: { carrier } }));
};

/** A platform operator's session, second factor perhaps still due. */
export const operatorSessionProcedure = signedInProcedure.use(({ ctx, next }) => {
  const operatorId = ctx.session.platformOperatorId;
  if (!operatorId) throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  return next({ ctx: { operatorId } });
});

/** Platform operators, outside every tenant, fully signed in. */
export const platformProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  const operatorId = ctx.session.platformOperatorId;
  if (!operatorId) throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  if (!ctx.session.twoFactorVerified)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.totp_required' });
  return next({ ctx: { operatorId } });
});
