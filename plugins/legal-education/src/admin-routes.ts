import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // Publicity events and the month's report, district-wide.
    id: 'events',
    path: 'legal-education',
    label: { 'zh-CN': '法治宣传', en: 'Legal education' },
    permission: 'case.read',
    placement: ['navigation'],
  },
] as const satisfies readonly AdminRoute[];
