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
import { getMany as getCalendarDays } from './procedures/calendar/get-many.ts';
import { remove as removeCalendarDay } from './procedures/calendar/remove.ts';
import { set as setCalendarDay } from './procedures/calendar/set.ts';
import { addNote } from './procedures/case/add-note.ts';
import { addParty } from './procedures/case/add-party.ts';
import { assign } from './procedures/case/assign.ts';
import { attachDocument } from './procedures/case/attach-document.ts';
import { create as createCase } from './procedures/case/create.ts';
import { get as getCase } from './procedures/case/get.ts';
import { getChain } from './procedures/case/get-chain.ts';
import { getDocument } from './procedures/case/get-document.ts';
import { getMany as getCases } from './procedures/case/get-many.ts';
import { holdConsultation } from './procedures/case/hold-consultation.ts';
import { importHotline } from './procedures/case/import-hotline.ts';
import { link } from './procedures/case/link.ts';
import { recordConsent } from './procedures/case/record-consent.ts';
import { recordFeedback } from './procedures/case/record-feedback.ts';
import { recordSatisfaction } from './procedures/case/record-satisfaction.ts';
import { revealResident } from './procedures/case/reveal-resident.ts';
import { setStatus } from './procedures/case/set-status.ts';
import { setWaiting } from './procedures/case/set-waiting.ts';
import { transfer } from './procedures/case/transfer.ts';
import { triage } from './procedures/case/triage.ts';
import { get as getCaseSettings } from './procedures/case-settings/get.ts';
import { setTimeLimit } from './procedures/case-settings/set-time-limit.ts';
import { update as updateCaseSettings } from './procedures/case-settings/update.ts';
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
import { cancel as cancelReferral } from './procedures/referral/cancel.ts';
import { create as createReferral } from './procedures/referral/create.ts';
import { getMany as getReferrals } from './procedures/referral/get-many.ts';
import { inbox as referralInbox } from './procedures/referral/inbox.ts';
import { transition as transitionReferral } from './procedures/referral/transition.ts';
import { getMany as getResidents } from './procedures/resident/get-many.ts';
import { create as createStaff } from './procedures/staff/create.ts';
import { findByPhone } from './procedures/staff/find-by-phone.ts';
import { getMany as getStaff } from './procedures/staff/get-many.ts';
import { resetPassword } from './procedures/staff/reset-password.ts';
import { revealPhone } from './procedures/staff/reveal-phone.ts';
import { grantRole, revokeRole } from './procedures/staff/roles.ts';
import { setDisabled } from './procedures/staff/set-disabled.ts';
import { getCurrent as getCurrentTenant } from './procedures/tenant/get-current.ts';
import { create as defineXService } from './procedures/x-service/create.ts';
import { retire as retireXService } from './procedures/x-service/retire.ts';
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
  xService: { create: defineXService, retire: retireXService } satisfies TRPCRouterRecord,
  adviser: { getMany: getAdvisers, create: createAdviser, end: endAdviser } satisfies TRPCRouterRecord,
  audit: { getMany: getAuditEntries, verify: verifyAudit } satisfies TRPCRouterRecord,
  case: {
    get: getCase,
    getMany: getCases,
    getChain,
    getDocument,
    create: createCase,
    triage,
    assign,
    transfer,
    setStatus,
    setWaiting,
    addNote,
    addParty,
    link,
    holdConsultation,
    attachDocument,
    recordConsent,
    recordFeedback,
    recordSatisfaction,
    revealResident,
    importHotline,
  } satisfies TRPCRouterRecord,
  resident: { getMany: getResidents } satisfies TRPCRouterRecord,
  referral: {
    create: createReferral,
    getMany: getReferrals,
    inbox: referralInbox,
    transition: transitionReferral,
    cancel: cancelReferral,
  } satisfies TRPCRouterRecord,
  calendar: {
    getMany: getCalendarDays,
    set: setCalendarDay,
    remove: removeCalendarDay,
  } satisfies TRPCRouterRecord,
  caseSettings: {
    get: getCaseSettings,
    update: updateCaseSettings,
    setTimeLimit,
  } satisfies TRPCRouterRecord,
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
