import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    id: 'case-consultation',
    path: 'consultation',
    label: { 'zh-CN': '咨询记录与时长统计', en: 'Consultation log and durations' },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
