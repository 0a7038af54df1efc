import type { TRPCRouterRecord } from '@trpc/server';
import { beginTotpSetup, confirmTotpSetup, verifyTotp } from './procedures/auth/totp.ts';
import { changePassword } from './procedures/auth/change-password.ts';
import { login } from './procedures/auth/login.ts';
import { logout, logoutEverywhere } from './procedures/auth/logout.ts';
import { me } from './procedures/auth/me.ts';
import { verify as verifyAudit } from './procedures/audit/verify.ts';
import { check } from './procedures/health/check.ts';
import { close as closeOrganisation } from './procedures/organisation/close.ts';
import { create as createOrganisation } from './procedures/organisation/create.ts';
import { getMany as getOrganisations } from './procedures/organisation/get-many.ts';
import { onboardTenant } from './procedures/platform/onboard-tenant.ts';
import { create as createStaff } from './procedures/staff/create.ts';
import { resetPassword } from './procedures/staff/reset-password.ts';
import { getCurrent as getCurrentTenant } from './procedures/tenant/get-current.ts';
import { createCallerFactory, router } from './trpc.ts';

/** The composition root of the API: routers only compose, procedures live one per file. */
export const appRouter = router({
  health: { check } satisfies TRPCRouterRecord,
  auth: {
    login,
    me,
    logout,
    logoutEverywhere,
    beginTotpSetup,
    confirmTotpSetup,
    verifyTotp,
    changePassword,
  } satisfies TRPCRouterRecord,
  tenant: { getCurrent: getCurrentTenant } satisfies TRPCRouterRecord,
  organisation: {
    getMany: getOrganisations,
    create: createOrganisation,
    close: closeOrganisation,
  } satisfies TRPCRouterRecord,
  staff: { create: createStaff, resetPassword } satisfies TRPCRouterRecord,
  audit: { verify: verifyAudit } satisfies TRPCRouterRecord,
  platform: { onboardTenant } satisfies TRPCRouterRecord,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;
