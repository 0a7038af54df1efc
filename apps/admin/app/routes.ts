import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

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
    route('t/:tenant/cases', 'routes/cases.tsx'),
    route('t/:tenant/cases/new', 'routes/case-new.tsx'),
    route('t/:tenant/cases/:id', 'routes/case.tsx'),
    route('t/:tenant/referrals', 'routes/referrals.tsx'),
  ]),
  route('t/:tenant/login', 'routes/login.tsx'),
  route('t/:tenant/login/totp', 'routes/login-totp.tsx'),
  route('t/:tenant/login/totp-setup', 'routes/login-totp-setup.tsx'),
  route('t/:tenant/change-password', 'routes/change-password.tsx'),
  route('t/:tenant/logout', 'routes/logout.ts'),
  // The platform console, for operators outside every district.
  route('platform', 'routes/platform-tenants.tsx'),
  route('platform/tenants/new', 'routes/platform-onboard.tsx'),
  route('platform/login', 'routes/platform-login.tsx'),
  route('platform/login/totp', 'routes/platform-login-totp.tsx'),
  route('platform/logout', 'routes/platform-logout.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
