import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * People's mediation's screens in the admin app: declared for the server (links, permissions) in
 * the manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    id: 'case-mediation',
    path: 'mediation',
    label: {
      'zh-CN': '调解记录、调解协议与司法确认',
      en: 'Mediation record, agreement and judicial confirmation',
    },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
