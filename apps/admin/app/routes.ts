import { index, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  index('routes/landing.tsx'),
  route('locale', 'routes/locale.ts'),
  route('t/:tenant', 'routes/home.tsx'),
  route('t/:tenant/login', 'routes/login.tsx'),
  route('t/:tenant/login/totp', 'routes/login-totp.tsx'),
  route('t/:tenant/login/totp-setup', 'routes/login-totp-setup.tsx'),
  route('t/:tenant/change-password', 'routes/change-password.tsx'),
  route('t/:tenant/logout', 'routes/logout.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
