import type { TRPCRouterRecord } from '@trpc/server';
import { create as createAdviser } from './procedures/adviser/create.ts';
import { end as endAdviser } from './procedures/adviser/end.ts';
import { getMany as getAdvisers } from './procedures/adviser/get-many.ts';
import { getMany as getAuditEntries } from './procedures/audit/get-many.ts';
import { verify as verifyAudit } from './procedures/audit/verify.ts';
import { changePassword } from './procedures/auth/change-password.ts';
import { login } from './procedures/auth/login.ts';
import { logout, logoutEverywhere } from './procedures/auth/logout.ts';
import { me } from './procedures/auth/me.ts';
import { beginTotpSetup, confirmTotpSetup, verifyTotp } from './procedures/auth/totp.ts';
import { getMany as getCatalogue } from './procedures/catalogue/get-many.ts';
import { preview as previewCatalogue } from './procedures/catalogue/preview.ts';
import { setEnabled as setServiceEnabled } from './procedures/catalogue/set-enabled.ts';
import { check } from './procedures/health/check.ts';
import { close as closeOrganisation } from './procedures/organisation/close.ts';
import { create as createOrganisation } from './procedures/organisation/create.ts';
import { getMany as getOrganisations } from './procedures/organisation/get-many.ts';
import { move as moveOrganisation } from './procedures/organisation/move.ts';
import { update as updateOrganisation } from './procedures/organisation/update.ts';
import { onboardTenant } from './procedures/platform/onboard-tenant.ts';
import { login as platformLogin, verifyTotp as platformVerifyTotp } from './procedures/platform/sign-in.ts';
import { getTenants, setTenantStatusProcedure } from './procedures/platform/tenants.ts';
import { create as createStaff } from './procedures/staff/create.ts';
import { findByPhone } from './procedures/staff/find-by-phone.ts';
import { getMany as getStaff } from './procedures/staff/get-many.ts';
import { resetPassword } from './procedures/staff/reset-password.ts';
import { revealPhone } from './procedures/staff/reveal-phone.ts';
import { grantRole, revokeRole } from './procedures/staff/roles.ts';
import { setDisabled } from './procedures/staff/set-disabled.ts';
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
    update: updateOrganisation,
    move: moveOrganisation,
    close: closeOrganisation,
  } satisfies TRPCRouterRecord,
  staff: {
    getMany: getStaff,
    findByPhone,
    create: createStaff,
    grantRole,
    revokeRole,
    setDisabled,
    resetPassword,
    revealPhone,
  } satisfies TRPCRouterRecord,
  catalogue: {
    getMany: getCatalogue,
    preview: previewCatalogue,
    setEnabled: setServiceEnabled,
  } satisfies TRPCRouterRecord,
  adviser: { getMany: getAdvisers, create: createAdviser, end: endAdviser } satisfies TRPCRouterRecord,
  audit: { getMany: getAuditEntries, verify: verifyAudit } satisfies TRPCRouterRecord,
  platform: {
    login: platformLogin,
    verifyTotp: platformVerifyTotp,
    tenant: {
      getMany: getTenants,
      create: onboardTenant,
      setStatus: setTenantStatusProcedure,
    } satisfies TRPCRouterRecord,
  } satisfies TRPCRouterRecord,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;
