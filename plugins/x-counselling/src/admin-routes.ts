import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    id: 'case-page',
    path: 'x-counselling',
    label: { 'zh-CN': '心理疏导记录', en: 'Counselling record' },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
