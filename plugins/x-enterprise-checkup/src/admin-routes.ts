import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    id: 'case-page',
    path: 'x-enterprise-checkup',
    label: { 'zh-CN': '法治体检报告', en: 'Check-up report' },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
