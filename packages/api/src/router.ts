import { pluginRegistry } from '@linju/plugins';
import type { TRPCRouterRecord } from '@trpc/server';
import { pluginRouters } from './plugin-procedures.ts';
import { create as createAdviser } from './procedures/adviser/create.ts';
import { end as endAdviser } from './procedures/adviser/end.ts';
import { getMany as getAdvisers } from './procedures/adviser/get-many.ts';
import { create as createAnnouncement } from './procedures/announcement/create.ts';
import { getMany as getAnnouncements } from './procedures/announcement/get-many.ts';
import { publish as publishAnnouncement } from './procedures/announcement/publish.ts';
import { places as applicationPlaces } from './procedures/application/places.ts';
import { submit as submitApplication } from './procedures/application/submit.ts';
import { book as bookAppointment } from './procedures/appointment/book.ts';
import { cancel as cancelAppointment } from './procedures/appointment/cancel.ts';
import { mine as myAppointments } from './procedures/appointment/mine.ts';
import { ofDay as appointmentsOfDay } from './procedures/appointment/of-day.ts';
import { slots as appointmentSlots } from './procedures/appointment/slots.ts';
import { getMany as getAssessmentResults } from './procedures/assessment/get-many.ts';
import { importResults as importAssessmentResults } from './procedures/assessment/import.ts';
import { template as assessmentTemplate } from './procedures/assessment/template.ts';
import { getMany as getAuditEntries } from './procedures/audit/get-many.ts';
import { verify as verifyAudit } from './procedures/audit/verify.ts';
import { changePassword } from './procedures/auth/change-password.ts';
import { district } from './procedures/auth/district.ts';
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
import { assignMany } from './procedures/case/assign-many.ts';
import { assignees } from './procedures/case/assignees.ts';
import { attachDocument } from './procedures/case/attach-document.ts';
import { count as countCases } from './procedures/case/count.ts';
import { countQueues } from './procedures/case/count-queues.ts';
import { create as createCase } from './procedures/case/create.ts';
import { createHotlineImport } from './procedures/case/create-hotline-import.ts';
import { downloadDocument } from './procedures/case/download-document.ts';
import { exportHotlineAnswersProcedure } from './procedures/case/export-hotline-answers.ts';
import { get as getCase } from './procedures/case/get.ts';
import { getChain } from './procedures/case/get-chain.ts';
import { getDocument } from './procedures/case/get-document.ts';
import { getHotlineImport } from './procedures/case/get-hotline-import.ts';
import { getHotlineImports } from './procedures/case/get-hotline-imports.ts';
import { getMany as getCases } from './procedures/case/get-many.ts';
import { holdConsultation } from './procedures/case/hold-consultation.ts';
import { issueRatingCode } from './procedures/case/issue-rating-code.ts';
import { link } from './procedures/case/link.ts';
import { messageResident } from './procedures/case/message-resident.ts';
import { page as casePage } from './procedures/case/page.ts';
import { printout } from './procedures/case/printout.ts';
import { recordConsent } from './procedures/case/record-consent.ts';
import { recordFeedback } from './procedures/case/record-feedback.ts';
import { recordSatisfaction } from './procedures/case/record-satisfaction.ts';
import { removeParty } from './procedures/case/remove-party.ts';
import { revealResident } from './procedures/case/reveal-resident.ts';
import { setStatus } from './procedures/case/set-status.ts';
import { setWaiting } from './procedures/case/set-waiting.ts';
import { transfer } from './procedures/case/transfer.ts';
import { triage } from './procedures/case/triage.ts';
import { unitAssignees } from './procedures/case/unit-assignees.ts';
import { updateParty } from './procedures/case/update-party.ts';
import { get as getCaseSettings } from './procedures/case-settings/get.ts';
import { setTimeLimit } from './procedures/case-settings/set-time-limit.ts';
import { update as updateCaseSettings } from './procedures/case-settings/update.ts';
import { getMany as getCatalogue } from './procedures/catalogue/get-many.ts';
import { installed as installedServices } from './procedures/catalogue/installed.ts';
import { preview as previewCatalogue } from './procedures/catalogue/preview.ts';
import { screens as pluginScreens } from './procedures/catalogue/screens.ts';
import { setEnabled as setServiceEnabled } from './procedures/catalogue/set-enabled.ts';
import { create as createConsent } from './procedures/consent/create.ts';
import { getMany as getConsents } from './procedures/consent/get-many.ts';
import { withdraw as withdrawConsent } from './procedures/consent/withdraw.ts';
import { createCommunity } from './procedures/coverage/create-community.ts';
import { get as getCoverage } from './procedures/coverage/get.ts';
import { setBoundary as setDistrictBoundary } from './procedures/coverage/set-boundary.ts';
import { setRule as setCoverageRule } from './procedures/coverage/set-rule.ts';
import { review as recordFileReview } from './procedures/file-review/review.ts';
import {
  drawSample as drawFileReviewSample,
  getSample as getFileReviewSample,
  getSamples as getFileReviewSamples,
} from './procedures/file-review/sample.ts';
import { get as getFollowedMatter } from './procedures/follow/get.ts';
import { getMany as getFollowedMatters } from './procedures/follow/get-many.ts';
import { check } from './procedures/health/check.ts';
import { create as createInspection } from './procedures/inspection/create.ts';
import { get as getInspection } from './procedures/inspection/get.ts';
import { getChecklist as getInspectionChecklist } from './procedures/inspection/get-checklist.ts';
import { getInspectors } from './procedures/inspection/get-inspectors.ts';
import { getMany as getInspections } from './procedures/inspection/get-many.ts';
import { saveChecklist as saveInspectionChecklist } from './procedures/inspection/save-checklist.ts';
import { setRectificationDone } from './procedures/inspection/set-rectification-done.ts';
import { exportXlsx as exportListXlsx } from './procedures/list/export-xlsx.ts';
import { getMany as getMessages } from './procedures/message/get-many.ts';
import { getProviders as getMessageProviders } from './procedures/message/get-providers.ts';
import { setProvider as setMessageProvider } from './procedures/message/set-provider.ts';
import { countUnread as countUnreadNotifications } from './procedures/notification/count-unread.ts';
import { getMany as getNotifications } from './procedures/notification/get-many.ts';
import { markRead as markNotificationsRead } from './procedures/notification/mark-read.ts';
import { close as closeOrganisation } from './procedures/organisation/close.ts';
import { create as createOrganisation } from './procedures/organisation/create.ts';
import { getMany as getOrganisations } from './procedures/organisation/get-many.ts';
import { move as moveOrganisation } from './procedures/organisation/move.ts';
import { update as updateOrganisation } from './procedures/organisation/update.ts';
import { answer as answerPartnerLink } from './procedures/partner-link/answer.ts';
import { attachment as partnerLinkAttachment } from './procedures/partner-link/attachment.ts';
import { downloadAttachment as partnerLinkDownloadAttachment } from './procedures/partner-link/download-attachment.ts';
import { note as notePartnerLink } from './procedures/partner-link/note.ts';
import { view as viewPartnerLink } from './procedures/partner-link/view.ts';
import { getMany as getPeers } from './procedures/peer/get-many.ts';
import { addDomain } from './procedures/platform/add-domain.ts';
import { getDomains } from './procedures/platform/domains.ts';
import { me as platformMe } from './procedures/platform/me.ts';
import { onboardTenant } from './procedures/platform/onboard-tenant.ts';
import {
  completeOperatorSetupProcedure,
  viewOperatorSetupProcedure,
} from './procedures/platform/operator-setup.ts';
import { getPeers as getPinnedPeers } from './procedures/platform/peers.ts';
import { pinPeerProcedure } from './procedures/platform/pin-peer.ts';
import { previewPeerProcedure } from './procedures/platform/preview-peer.ts';
import { removeDomain } from './procedures/platform/remove-domain.ts';
import { setPeerAllowancesProcedure } from './procedures/platform/set-peer-allowances.ts';
import { login as platformLogin, verifyTotp as platformVerifyTotp } from './procedures/platform/sign-in.ts';
import { getTenants, setTenantStatusProcedure } from './procedures/platform/tenants.ts';
import { unpinPeerProcedure } from './procedures/platform/unpin-peer.ts';
import {
  decideAppeal as decideProviderAppeal,
  fileAppeal as fileProviderAppeal,
} from './procedures/provider/appeal.ts';
import { create as createProviderRecord } from './procedures/provider/create.ts';
import { downloadEvidence as downloadProviderEvidence } from './procedures/provider/download-evidence.ts';
import { get as getProviderRecord } from './procedures/provider/get.ts';
import { getEvidence as getProviderEvidence } from './procedures/provider/get-evidence.ts';
import { getMany as getProviderRecords } from './procedures/provider/get-many.ts';
import { closeRound as closeQuestionnaireRound } from './procedures/questionnaire/close-round.ts';
import { create as createQuestionnaire } from './procedures/questionnaire/create.ts';
import { exportRound as exportQuestionnaireRound } from './procedures/questionnaire/export-round.ts';
import { get as getQuestionnaire } from './procedures/questionnaire/get.ts';
import { getMany as getQuestionnaires } from './procedures/questionnaire/get-many.ts';
import { openForAnswers as openQuestionnaireForAnswers } from './procedures/questionnaire/open-for-answers.ts';
import { openRound as openQuestionnaireRound } from './procedures/questionnaire/open-round.ts';
import { revise as reviseQuestionnaire } from './procedures/questionnaire/revise.ts';
import { submitAnswers as submitQuestionnaireAnswers } from './procedures/questionnaire/submit-answers.ts';
import { summary as questionnaireRoundSummary } from './procedures/questionnaire/summary.ts';
import { update as updateQuestionnaire } from './procedures/questionnaire/update.ts';
import { check as checkRatingCode } from './procedures/rating/check.ts';
import { submit as submitRating } from './procedures/rating/submit.ts';
import { attachment as referralAttachment } from './procedures/referral/attachment.ts';
import { cancel as cancelReferral } from './procedures/referral/cancel.ts';
import { create as createReferral } from './procedures/referral/create.ts';
import { downloadAttachment as referralDownloadAttachment } from './procedures/referral/download-attachment.ts';
import { fetchOutcomeDocument as fetchReferralOutcomeDocument } from './procedures/referral/fetch-outcome-document.ts';
import { getMany as getReferrals } from './procedures/referral/get-many.ts';
import { inbox as referralInbox } from './procedures/referral/inbox.ts';
import { inboxFacets as referralInboxFacets } from './procedures/referral/inbox-facets.ts';
import { issuePartnerLink } from './procedures/referral/issue-partner-link.ts';
import { note as noteReferral } from './procedures/referral/note.ts';
import { reroute as rerouteReferral } from './procedures/referral/reroute.ts';
import { transition as transitionReferral } from './procedures/referral/transition.ts';
import { getMany as getResidents } from './procedures/resident/get-many.ts';
import { current as currentResident } from './procedures/resident-session/current.ts';
import { requestCode as requestResidentCode } from './procedures/resident-session/request-code.ts';
import { signOut as signOutResident } from './procedures/resident-session/sign-out.ts';
import { verify as verifyResidentCode } from './procedures/resident-session/verify.ts';
import { addSlot } from './procedures/roster/add-slot.ts';
import { get as getRoster } from './procedures/roster/get.ts';
import { getPdf as getRosterPdf } from './procedures/roster/get-pdf.ts';
import { removeSlot } from './procedures/roster/remove-slot.ts';
import { setThemedDay } from './procedures/roster/set-themed-day.ts';
import { exportXlsx as exportScorecardXlsx } from './procedures/scorecard/export.ts';
import { get as getScorecard } from './procedures/scorecard/get.ts';
import { publish as publishScorecard } from './procedures/scorecard/publish.ts';
import { setSettings as setScorecardSettings } from './procedures/scorecard/set-settings.ts';
import { home as siteHome } from './procedures/site/home.ts';
import { point as sitePoint } from './procedures/site/point.ts';
import { points as sitePoints } from './procedures/site/points.ts';
import { rota as siteRota } from './procedures/site/rota.ts';
import { service as siteService } from './procedures/site/service.ts';
import { create as createStaff } from './procedures/staff/create.ts';
import { findByPhone } from './procedures/staff/find-by-phone.ts';
import { getMany as getStaff } from './procedures/staff/get-many.ts';
import { resetPassword } from './procedures/staff/reset-password.ts';
import { revealPhone } from './procedures/staff/reveal-phone.ts';
import { grantRole, revokeRole } from './procedures/staff/roles.ts';
import { setDisabled } from './procedures/staff/set-disabled.ts';
import { update as updateStaff } from './procedures/staff/update.ts';
import { getCity as getCityStatistics } from './procedures/statistics/city.ts';
import { exportOverviewXlsx, getOverview } from './procedures/statistics/city-overview.ts';
import {
  create as createCitySend,
  getMany as getCitySends,
} from './procedures/statistics/city-statistics-send.ts';
import {
  clearSetting as clearCitySetting,
  getSetting as getCitySetting,
  setSetting as setCitySetting,
} from './procedures/statistics/city-statistics-setting.ts';
import { dashboard as getDirectorDashboard } from './procedures/statistics/dashboard.ts';
import { get as getStatistics } from './procedures/statistics/get.ts';
import { hotspots as getHotspots } from './procedures/statistics/hotspots.ts';
import { createReport, downloadReport, getReports } from './procedures/statistics/report.ts';
import { checkCitations } from './procedures/statutes/check-citations.ts';
import { getServices as getSubsidyServices } from './procedures/subsidy/get-services.ts';
import {
  compute as computeSubsidyLedger,
  exportLedger as exportSubsidyLedger,
  getLedger as getSubsidyLedger,
} from './procedures/subsidy/ledger.ts';
import {
  getRules as getSubsidyRules,
  removeRule as removeSubsidyRule,
  setRule as setSubsidyRule,
} from './procedures/subsidy/rules.ts';
import { answer as answerSuggestion } from './procedures/suggestion/answer.ts';
import { answered as answeredSuggestions } from './procedures/suggestion/answered.ts';
import { getMany as getSuggestions } from './procedures/suggestion/get-many.ts';
import { leave as leaveSuggestion } from './procedures/suggestion/leave.ts';
import { mine as mySuggestions } from './procedures/suggestion/mine.ts';
import { getMany as getSweepReviews } from './procedures/sweep/get-many.ts';
import { markReviewed as markSweepReviewed } from './procedures/sweep/mark-reviewed.ts';
import { getCurrent as getCurrentTenant } from './procedures/tenant/get-current.ts';
import { updateBranding as updateTenantBranding } from './procedures/tenant/update-branding.ts';
import { create as registerVolunteer } from './procedures/volunteer/create.ts';
import { get as getVolunteer } from './procedures/volunteer/get.ts';
import { getMany as getVolunteers } from './procedures/volunteer/get-many.ts';
import {
  logHours as logVolunteerHours,
  removeHours as removeVolunteerHours,
} from './procedures/volunteer/hours.ts';
import { create as defineXService } from './procedures/x-service/create.ts';
import { retire as retireXService } from './procedures/x-service/retire.ts';
import { createCallerFactory, router } from './trpc.ts';

/** The composition root of the API: routers only compose, procedures live one per file. */
/** The platform's own procedures; the plugins' are mounted beside them under their ids. */
const platformRouters = {
  health: { check } satisfies TRPCRouterRecord,
  auth: {
    district,
    login,
    me,
    logout,
    logoutEverywhere,
    beginTotpSetup,
    confirmTotpSetup,
    verifyTotp,
    changePassword,
  } satisfies TRPCRouterRecord,
  tenant: { getCurrent: getCurrentTenant, updateBranding: updateTenantBranding } satisfies TRPCRouterRecord,
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
    update: updateStaff,
    grantRole,
    revokeRole,
    setDisabled,
    resetPassword,
    revealPhone,
  } satisfies TRPCRouterRecord,
  catalogue: {
    getMany: getCatalogue,
    installed: installedServices,
    preview: previewCatalogue,
    screens: pluginScreens,
    setEnabled: setServiceEnabled,
  } satisfies TRPCRouterRecord,
  xService: { create: defineXService, retire: retireXService } satisfies TRPCRouterRecord,
  adviser: { getMany: getAdvisers, create: createAdviser, end: endAdviser } satisfies TRPCRouterRecord,
  audit: { getMany: getAuditEntries, verify: verifyAudit } satisfies TRPCRouterRecord,
  case: {
    get: getCase,
    page: casePage,
    getMany: getCases,
    count: countCases,
    countQueues,
    getChain,
    assignees,
    unitAssignees,
    getDocument,
    downloadDocument,
    printout,
    create: createCase,
    triage,
    assign,
    assignMany,
    transfer,
    setStatus,
    setWaiting,
    addNote,
    messageResident,
    addParty,
    updateParty,
    removeParty,
    link,
    holdConsultation,
    attachDocument,
    recordConsent,
    recordFeedback,
    recordSatisfaction,
    issueRatingCode,
    revealResident,
    hotlineImport: {
      create: createHotlineImport,
      get: getHotlineImport,
      getMany: getHotlineImports,
    } satisfies TRPCRouterRecord,
    exportHotlineAnswers: exportHotlineAnswersProcedure,
  } satisfies TRPCRouterRecord,
  resident: { getMany: getResidents } satisfies TRPCRouterRecord,
  list: { exportXlsx: exportListXlsx } satisfies TRPCRouterRecord,
  peer: { getMany: getPeers } satisfies TRPCRouterRecord,
  roster: {
    get: getRoster,
    getPdf: getRosterPdf,
    addSlot,
    removeSlot,
    setThemedDay,
  } satisfies TRPCRouterRecord,
  appointment: {
    slots: appointmentSlots,
    book: bookAppointment,
    cancel: cancelAppointment,
    mine: myAppointments,
    ofDay: appointmentsOfDay,
  } satisfies TRPCRouterRecord,
  announcement: {
    getMany: getAnnouncements,
    create: createAnnouncement,
    publish: publishAnnouncement,
  } satisfies TRPCRouterRecord,
  message: {
    getMany: getMessages,
    getProviders: getMessageProviders,
    setProvider: setMessageProvider,
  } satisfies TRPCRouterRecord,
  notification: {
    getMany: getNotifications,
    countUnread: countUnreadNotifications,
    markRead: markNotificationsRead,
  } satisfies TRPCRouterRecord,
  site: {
    home: siteHome,
    service: siteService,
    points: sitePoints,
    point: sitePoint,
    rota: siteRota,
  } satisfies TRPCRouterRecord,
  statutes: { checkCitations } satisfies TRPCRouterRecord,
  sweep: { getMany: getSweepReviews, markReviewed: markSweepReviewed } satisfies TRPCRouterRecord,
  consent: {
    getMany: getConsents,
    create: createConsent,
    withdraw: withdrawConsent,
  } satisfies TRPCRouterRecord,
  // Asking and applying online from the district's public site.
  application: { places: applicationPlaces, submit: submitApplication } satisfies TRPCRouterRecord,
  rating: { check: checkRatingCode, submit: submitRating } satisfies TRPCRouterRecord,
  /** A resident proves their phone by SMS code on the district's public site (its session cookie). */
  residentSession: {
    requestCode: requestResidentCode,
    verify: verifyResidentCode,
    signOut: signOutResident,
    current: currentResident,
  } satisfies TRPCRouterRecord,
  /** The verified resident follows their matters on the district's public site. */
  follow: { getMany: getFollowedMatters, get: getFollowedMatter } satisfies TRPCRouterRecord,
  questionnaire: {
    getMany: getQuestionnaires,
    get: getQuestionnaire,
    create: createQuestionnaire,
    update: updateQuestionnaire,
    revise: reviseQuestionnaire,
    round: {
      open: openQuestionnaireRound,
      close: closeQuestionnaireRound,
      summary: questionnaireRoundSummary,
      export: exportQuestionnaireRound,
    } satisfies TRPCRouterRecord,
    /** The public answer page's two calls, without sign-in. */
    answer: {
      open: openQuestionnaireForAnswers,
      submit: submitQuestionnaireAnswers,
    } satisfies TRPCRouterRecord,
  } satisfies TRPCRouterRecord,
  assessment: {
    getMany: getAssessmentResults,
    import: importAssessmentResults,
    template: assessmentTemplate,
  } satisfies TRPCRouterRecord,
  coverage: {
    get: getCoverage,
    setRule: setCoverageRule,
    setBoundary: setDistrictBoundary,
    createCommunity,
  } satisfies TRPCRouterRecord,
  statistics: {
    get: getStatistics,
    dashboard: getDirectorDashboard,
    hotspots: getHotspots,
    city: getCityStatistics,
    cityOverview: { get: getOverview, exportXlsx: exportOverviewXlsx } satisfies TRPCRouterRecord,
    citySetting: {
      get: getCitySetting,
      set: setCitySetting,
      clear: clearCitySetting,
    } satisfies TRPCRouterRecord,
    citySend: { create: createCitySend, getMany: getCitySends } satisfies TRPCRouterRecord,
    report: {
      create: createReport,
      getMany: getReports,
      download: downloadReport,
    } satisfies TRPCRouterRecord,
  } satisfies TRPCRouterRecord,
  inspection: {
    get: getInspection,
    getMany: getInspections,
    create: createInspection,
    setRectificationDone,
    getInspectors,
    checklist: { get: getInspectionChecklist, save: saveInspectionChecklist } satisfies TRPCRouterRecord,
  } satisfies TRPCRouterRecord,
  scorecard: {
    get: getScorecard,
    setSettings: setScorecardSettings,
    exportXlsx: exportScorecardXlsx,
    publish: publishScorecard,
  } satisfies TRPCRouterRecord,
  referral: {
    create: createReferral,
    getMany: getReferrals,
    inbox: referralInbox,
    inboxFacets: referralInboxFacets,
    transition: transitionReferral,
    cancel: cancelReferral,
    reroute: rerouteReferral,
    issuePartnerLink,
    attachment: referralAttachment,
    downloadAttachment: referralDownloadAttachment,
    note: noteReferral,
    fetchOutcomeDocument: fetchReferralOutcomeDocument,
  } satisfies TRPCRouterRecord,
  // A partner without an account answers one referral through its one-time link: no sign-in.
  partnerLink: {
    view: viewPartnerLink,
    answer: answerPartnerLink,
    attachment: partnerLinkAttachment,
    downloadAttachment: partnerLinkDownloadAttachment,
    note: notePartnerLink,
  } satisfies TRPCRouterRecord,
  provider: {
    getMany: getProviderRecords,
    get: getProviderRecord,
    getEvidence: getProviderEvidence,
    downloadEvidence: downloadProviderEvidence,
    create: createProviderRecord,
    fileAppeal: fileProviderAppeal,
    decideAppeal: decideProviderAppeal,
  } satisfies TRPCRouterRecord,
  volunteer: {
    getMany: getVolunteers,
    get: getVolunteer,
    create: registerVolunteer,
    logHours: logVolunteerHours,
    removeHours: removeVolunteerHours,
  } satisfies TRPCRouterRecord,
  subsidy: {
    getRules: getSubsidyRules,
    getServices: getSubsidyServices,
    setRule: setSubsidyRule,
    removeRule: removeSubsidyRule,
    getLedger: getSubsidyLedger,
    compute: computeSubsidyLedger,
    exportLedger: exportSubsidyLedger,
  } satisfies TRPCRouterRecord,
  /** The suggestion box: residents leave (public site), staff answer. */
  suggestion: {
    leave: leaveSuggestion,
    answered: answeredSuggestions,
    mine: mySuggestions,
    getMany: getSuggestions,
    answer: answerSuggestion,
  } satisfies TRPCRouterRecord,
  fileReview: {
    getSamples: getFileReviewSamples,
    getSample: getFileReviewSample,
    drawSample: drawFileReviewSample,
    review: recordFileReview,
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
    me: platformMe,
    login: platformLogin,
    verifyTotp: platformVerifyTotp,
    tenant: {
      getMany: getTenants,
      create: onboardTenant,
      setStatus: setTenantStatusProcedure,
    } satisfies TRPCRouterRecord,
    domain: {
      getMany: getDomains,
      add: addDomain,
      remove: removeDomain,
    } satisfies TRPCRouterRecord,
    setup: {
      view: viewOperatorSetupProcedure,
      complete: completeOperatorSetupProcedure,
    } satisfies TRPCRouterRecord,
    peer: {
      getMany: getPinnedPeers,
      preview: previewPeerProcedure,
      pin: pinPeerProcedure,
      unpin: unpinPeerProcedure,
      setAllowances: setPeerAllowancesProcedure,
    } satisfies TRPCRouterRecord,
  } satisfies TRPCRouterRecord,
};

export const appRouter = router({
  ...platformRouters,
  ...pluginRouters(pluginRegistry, Object.keys(platformRouters)),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;
