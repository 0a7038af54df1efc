import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    id: 'case-notary',
    path: 'notary',
    label: { 'zh-CN': '公证材料清单与预约', en: 'Documents checklist and appointment' },
    permission: 'case.read',
    placement: ['case-service'],
  },
  {
    // The notary offices' appointment book: slots per office, for the desks that book them.
    id: 'slots',
    path: 'notary/slots',
    label: { 'zh-CN': '公证预约', en: 'Notary appointments' },
    permission: 'case.read',
    placement: ['navigation'],
  },
] as const satisfies readonly AdminRoute[];
