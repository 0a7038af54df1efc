import { data } from 'react-router';

/** Where a person goes after a sign-in step; the API's `next`. */
export type SignInStep = 'home' | 'totp' | 'totp-setup' | 'change-password';

// The API's tenant slug rule. Checked here too so a malformed URL is a 404, never part of a redirect.
const TENANT_SLUG = /^[a-z][a-z0-9-]{1,39}$/;

export function isTenantSlug(value: unknown): value is string {
  return typeof value === 'string' && TENANT_SLUG.test(value);
}

/** The `:tenant` URL parameter, or a 404 response if it cannot be a tenant slug. */
export function tenantSlugFrom(params: { tenant?: string | undefined }): string {
  if (!isTenantSlug(params.tenant)) throw data(null, { status: 404 });
  return params.tenant;
}

export const tenantPaths = {
  home: (slug: string) => `/t/${slug}`,
  login: (slug: string) => `/t/${slug}/login`,
  totp: (slug: string) => `/t/${slug}/login/totp`,
  totpSetup: (slug: string) => `/t/${slug}/login/totp-setup`,
  changePassword: (slug: string) => `/t/${slug}/change-password`,
  logout: (slug: string) => `/t/${slug}/logout`,
  organisations: (slug: string) => `/t/${slug}/organisations`,
  staff: (slug: string) => `/t/${slug}/staff`,
  advisers: (slug: string) => `/t/${slug}/advisers`,
  audit: (slug: string) => `/t/${slug}/audit`,
  messages: (slug: string) => `/t/${slug}/messages`,
  messageProviders: (slug: string) => `/t/${slug}/messages/providers`,
  cases: (slug: string) => `/t/${slug}/cases`,
  newCase: (slug: string) => `/t/${slug}/cases/new`,
  caseLedgerXlsx: (slug: string) => `/t/${slug}/cases/ledger.xlsx`,
  assignment: (slug: string, view?: 'unassigned' | 'transferred-in') =>
    `/t/${slug}/cases/assignment${view ? `?view=${view}` : ''}`,
  dashboard: (slug: string) => `/t/${slug}/dashboard`,
  case: (slug: string, id: string) => `/t/${slug}/cases/${encodeURIComponent(id)}`,
  referrals: (slug: string) => `/t/${slug}/referrals`,
  referralsXlsx: (slug: string) => `/t/${slug}/referrals.xlsx`,
  auditXlsx: (slug: string) => `/t/${slug}/audit.xlsx`,
  notifications: (slug: string) => `/t/${slug}/notifications`,
  sweeps: (slug: string) => `/t/${slug}/sweeps`,
  statistics: (slug: string) => `/t/${slug}/statistics`,
  coverage: (slug: string) => `/t/${slug}/statistics/coverage`,
  hotspots: (slug: string) => `/t/${slug}/statistics/hotspots`,
  citySending: (slug: string) => `/t/${slug}/statistics/city`,
  cityDistricts: (slug: string) => `/t/${slug}/statistics/districts`,
  cityDistrictsXlsx: (slug: string, period: string) =>
    `/t/${slug}/statistics/districts.xlsx?period=${encodeURIComponent(period)}`,
  statisticsReport: (slug: string, id: string, format: 'xlsx' | 'pdf' = 'xlsx') =>
    `/t/${slug}/statistics/reports/${encodeURIComponent(id)}${format === 'pdf' ? '?format=pdf' : ''}`,
  hotlineImport: (slug: string) => `/t/${slug}/cases/import`,
  hotlineAnswers: (slug: string) => `/t/${slug}/cases/import/answers`,
  settings: (slug: string) => `/t/${slug}/settings`,
  holidays: (slug: string) => `/t/${slug}/settings/holidays`,
  timeLimits: (slug: string) => `/t/${slug}/settings/time-limits`,
  catalogue: (slug: string) => `/t/${slug}/catalogue`,
  xServiceNew: (slug: string) => `/t/${slug}/catalogue/x-services/new`,
  rosters: (slug: string) => `/t/${slug}/rosters`,
  rota: (slug: string) => `/t/${slug}/rosters/print`,
  rotaPdf: (slug: string) => `/t/${slug}/rosters/rota.pdf`,
  inspections: (slug: string) => `/t/${slug}/inspections`,
  inspectionNew: (slug: string) => `/t/${slug}/inspections/new`,
  inspectionChecklist: (slug: string) => `/t/${slug}/inspections/checklist`,
  inspection: (slug: string, id: string) => `/t/${slug}/inspections/${encodeURIComponent(id)}`,
  scorecards: (slug: string) => `/t/${slug}/scorecards`,
  scorecardXlsx: (slug: string, quarter: string, version: 'published' | 'live') =>
    `/t/${slug}/scorecards/ranking.xlsx?quarter=${encodeURIComponent(quarter)}&version=${version}`,
  providers: (slug: string) => `/t/${slug}/providers`,
  provider: (slug: string, id: string) => `/t/${slug}/providers/${encodeURIComponent(id)}`,
  providerEvidence: (slug: string, id: string) => `/t/${slug}/providers/${encodeURIComponent(id)}/evidence`,
  volunteers: (slug: string) => `/t/${slug}/volunteers`,
  suggestions: (slug: string) => `/t/${slug}/suggestions`,
  volunteersXlsx: (slug: string) => `/t/${slug}/volunteers.xlsx`,
  subsidies: (slug: string) => `/t/${slug}/subsidies`,
  subsidyLedgerXlsx: (slug: string, month: string) =>
    `/t/${slug}/subsidies/ledger.xlsx?month=${encodeURIComponent(month)}`,
  fileReviews: (slug: string) => `/t/${slug}/file-reviews`,
  fileReview: (slug: string, id: string) => `/t/${slug}/file-reviews/${encodeURIComponent(id)}`,
  questionnaires: (slug: string) => `/t/${slug}/questionnaires`,
  questionnaire: (slug: string, id: string) => `/t/${slug}/questionnaires/${encodeURIComponent(id)}`,
  questionnaireRound: (slug: string, id: string) =>
    `/t/${slug}/questionnaires/rounds/${encodeURIComponent(id)}`,
  questionnaireRoundXlsx: (slug: string, id: string) =>
    `/t/${slug}/questionnaires/rounds/${encodeURIComponent(id)}/results.xlsx`,
  assessments: (slug: string) => `/t/${slug}/assessments`,
  assessmentTemplate: (slug: string) => `/t/${slug}/assessments/template.xlsx`,
};

/** Where the platform console lives; operators stand outside every district. */
export const platformPaths = {
  home: '/platform',
  login: '/platform/login',
  totp: '/platform/login/totp',
  logout: '/platform/logout',
  onboard: '/platform/tenants/new',
  domains: '/platform/domains',
  peers: '/platform/peers',
};

/** The page for the API's next sign-in step. */
export function pathForStep(slug: string, step: SignInStep): string {
  switch (step) {
    case 'home':
      return tenantPaths.home(slug);
    case 'totp':
      return tenantPaths.totp(slug);
    case 'totp-setup':
      return tenantPaths.totpSetup(slug);
    case 'change-password':
      return tenantPaths.changePassword(slug);
  }
}

/**
 * A same-site path to return to after switching language. Anything that could leave the site
 * (`//host`, `/\host`, absolute URLs) falls back to `/`, so the switch cannot be used as an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value;
}
