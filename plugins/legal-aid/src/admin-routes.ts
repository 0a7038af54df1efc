import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * Legal aid's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // The application from the scope and hardship check to the decision, assignment, closure and subsidies.
    id: 'case-legal-aid',
    path: 'legal-aid',
    label: { 'zh-CN': '法律援助申请审查、决定与结案', en: 'Legal-aid check, decision and closure' },
    permission: 'case.read',
    placement: ['case-service'],
  },
  {
    // The district's economic-hardship threshold, reached from the district's settings page.
    id: 'thresholds',
    path: 'settings/legal-aid',
    label: { 'zh-CN': '法律援助经济困难标准', en: 'Legal-aid hardship threshold' },
    permission: 'case.read',
    placement: ['settings'],
  },
] as const satisfies readonly AdminRoute[];
