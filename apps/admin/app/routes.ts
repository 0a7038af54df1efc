import { fileURLToPath } from 'node:url';
import { pluginRegistry } from '@linju/plugins';
import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';
import { CASE_PAGE_PARTS } from './lib/case-page-parts.ts';
import { publicScreens } from './lib/hosted-screens.ts';
import { pluginRouteEntries } from './lib/plugin-routes.ts';

// The screens the installed plugins declare (`adminRoutes` in their manifests): a service's pages
// under a case and its district pages. A declaration naming a module missing here stops the build.
const pluginScreens = pluginRouteEntries(
  pluginRegistry.adminRoutes(),
  fileURLToPath(new URL('.', import.meta.url)),
);

export default [
  index('routes/landing.tsx'),
  route('locale', 'routes/locale.ts'),
  // The signed-in app: its middleware requires a full session before any page below loads.
  layout('routes/tenant-app.tsx', [
    route('t/:tenant', 'routes/home.tsx'),
    route('t/:tenant/organisations', 'routes/organisations.tsx'),
    route('t/:tenant/staff', 'routes/staff.tsx'),
    route('t/:tenant/advisers', 'routes/advisers.tsx'),
    route('t/:tenant/audit', 'routes/audit.tsx'),
    route('t/:tenant/audit.xlsx', 'routes/audit-xlsx.ts'),
    route('t/:tenant/messages', 'routes/messages.tsx'),
    route('t/:tenant/messages/providers', 'routes/message-providers.tsx'),
    route('t/:tenant/cases', 'routes/cases.tsx'),
    route('t/:tenant/cases/new', 'routes/case-new.tsx'),
    route('t/:tenant/cases/import', 'routes/hotline-import.tsx'),
    route('t/:tenant/cases/assignment', 'routes/case-assignment.tsx'),
    route('t/:tenant/cases/ledger.xlsx', 'routes/case-ledger-xlsx.ts'),
    route('t/:tenant/cases/import/answers', 'routes/hotline-answers.ts'),
    // The case page: a layout (header, the links to its parts) and its parts as child routes.
    route(
      't/:tenant/cases/:id',
      'routes/case.tsx',
      CASE_PAGE_PARTS.map(({ path, file }) => (path ? route(path, file) : index(file))),
    ),
    ...pluginScreens.map((screen) => route(screen.path, screen.file, { id: screen.id })),
    route('t/:tenant/cases/:id/documents/:documentId', 'routes/case-document.ts'),
    route('t/:tenant/cases/:id/printouts/:printout', 'routes/case-printout.ts'),
    route('t/:tenant/referrals', 'routes/referrals.tsx'),
    route('t/:tenant/referrals.xlsx', 'routes/referrals-xlsx.ts'),
    route('t/:tenant/referrals/:id/attachments/:sha256', 'routes/referral-attachment.ts'),
    route('t/:tenant/notifications', 'routes/notifications.tsx'),
    route('t/:tenant/sweeps', 'routes/sweeps.tsx'),
    route('t/:tenant/dashboard', 'routes/dashboard.tsx'),
    route('t/:tenant/statistics', 'routes/statistics.tsx'),
    route('t/:tenant/statistics/reports/:id', 'routes/statistics-report.ts'),
    route('t/:tenant/statistics/coverage', 'routes/statistics-coverage.tsx'),
    route('t/:tenant/statistics/hotspots', 'routes/statistics-hotspots.tsx'),
    route('t/:tenant/statistics/city', 'routes/statistics-city.tsx'),
    route('t/:tenant/statistics/districts', 'routes/statistics-districts.tsx'),
    route('t/:tenant/statistics/districts.xlsx', 'routes/statistics-districts-xlsx.ts'),
    route('t/:tenant/settings', 'routes/settings.tsx'),
    route('t/:tenant/settings/holidays', 'routes/settings-holidays.tsx'),
    route('t/:tenant/settings/time-limits', 'routes/settings-time-limits.tsx'),
    route('t/:tenant/questionnaires', 'routes/questionnaires.tsx'),
    route('t/:tenant/questionnaires/:id', 'routes/questionnaire.tsx'),
    route('t/:tenant/questionnaires/rounds/:id', 'routes/questionnaire-round.tsx'),
    route('t/:tenant/questionnaires/rounds/:id/results.xlsx', 'routes/questionnaire-round-xlsx.ts'),
    route('t/:tenant/assessments', 'routes/assessments.tsx'),
    route('t/:tenant/assessments/template.xlsx', 'routes/assessment-template.ts'),
    route('t/:tenant/catalogue', 'routes/catalogue.tsx'),
    route('t/:tenant/catalogue/x-services/new', 'routes/x-service-new.tsx'),
    route('t/:tenant/rosters', 'routes/rosters.tsx'),
    route('t/:tenant/rosters/print', 'routes/rota-print.tsx'),
    route('t/:tenant/rosters/rota.pdf', 'routes/rota-pdf.ts'),
    route('t/:tenant/inspections', 'routes/inspections.tsx'),
    route('t/:tenant/inspections/new', 'routes/inspection-new.tsx'),
    route('t/:tenant/inspections/checklist', 'routes/inspection-checklist.tsx'),
    route('t/:tenant/inspections/:id', 'routes/inspection.tsx'),
    route('t/:tenant/scorecards', 'routes/scorecards.tsx'),
    route('t/:tenant/scorecards/ranking.xlsx', 'routes/scorecard-xlsx.ts'),
    route('t/:tenant/providers', 'routes/providers.tsx'),
    route('t/:tenant/providers/:id', 'routes/provider.tsx'),
    route('t/:tenant/providers/:id/evidence', 'routes/provider-evidence.ts'),
    route('t/:tenant/volunteers', 'routes/volunteers.tsx'),
    route('t/:tenant/volunteers.xlsx', 'routes/volunteers-xlsx.ts'),
    route('t/:tenant/suggestions', 'routes/suggestions.tsx'),
    route('t/:tenant/subsidies', 'routes/subsidies.tsx'),
    route('t/:tenant/subsidies/ledger.xlsx', 'routes/subsidy-ledger-xlsx.ts'),
    route('t/:tenant/file-reviews', 'routes/file-reviews.tsx'),
    route('t/:tenant/file-reviews/:id', 'routes/file-review.tsx'),
  ]),
  // The district's public site for residents: no account, the district in the URL; a phone
  // verified by an SMS code where a task needs to know who is asking.
  layout('routes/public/layout.tsx', [
    route('t/:tenant/public', 'routes/public/home.tsx'),
    route('t/:tenant/public/services', 'routes/public/services.tsx'),
    route('t/:tenant/public/services/:serviceId', 'routes/public/service-details.tsx'),
    route('t/:tenant/public/points', 'routes/public/points.tsx'),
    route('t/:tenant/public/points/:organisationId', 'routes/public/point.tsx'),
    route('t/:tenant/public/rota', 'routes/public/rota.tsx'),
    route('t/:tenant/public/large-text', 'routes/public/large-text.ts'),
    route('t/:tenant/public/apply', 'routes/public/apply.tsx'),
    route('t/:tenant/public/apply/done', 'routes/public/apply-done.tsx'),
    route('t/:tenant/public/verify', 'routes/public/verify.tsx'),
    route('t/:tenant/public/suggestions', 'routes/public/suggestions.tsx', { id: 'public-suggestions' }),
    route('t/:tenant/public/book', 'routes/public/book.tsx'),
    route('t/:tenant/public/follow', 'routes/public/follow.tsx'),
    route('t/:tenant/public/follow/:caseId', 'routes/public/follow-matter.tsx'),
    // The plugins' resident-facing screens.
    ...publicScreens().map(({ pluginId, screen }) =>
      route(`t/:tenant/public/${screen.path}`, 'routes/public/service.tsx', {
        id: `public.${pluginId}.${screen.id}`,
      }),
    ),
  ]),
  // A resident rates a matter with a one-time code: no account, no district in the URL.
  route('rate', 'routes/rate.tsx'),
  route('rate/:code', 'routes/rate-code.tsx'),
  // A resident answers a questionnaire with a one-time code or a public link: no account either.
  route('survey', 'routes/survey.tsx'),
  route('survey/:code', 'routes/survey-code.tsx'),
  // A partner without an account answers its one referral through a one-time link.
  route('p/:token', 'routes/partner-link.tsx'),
  route('p/:token/attachments/:sha256', 'routes/partner-link-attachment.ts'),
  route('t/:tenant/login', 'routes/login.tsx'),
  route('t/:tenant/login/totp', 'routes/login-totp.tsx'),
  route('t/:tenant/login/totp-setup', 'routes/login-totp-setup.tsx'),
  route('t/:tenant/change-password', 'routes/change-password.tsx'),
  route('t/:tenant/logout', 'routes/logout.ts'),
  // The platform console, for operators outside every district.
  route('platform', 'routes/platform-tenants.tsx'),
  route('platform/tenants/new', 'routes/platform-onboard.tsx'),
  route('platform/domains', 'routes/platform-domains.tsx'),
  route('platform/peers', 'routes/platform-peers.tsx'),
  route('platform/setup/:token', 'routes/platform-setup.tsx'),
  route('platform/login', 'routes/platform-login.tsx'),
  route('platform/login/totp', 'routes/platform-login-totp.tsx'),
  route('platform/logout', 'routes/platform-logout.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
