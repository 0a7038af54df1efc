import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * Judicial appraisal's screens in the admin app: declared for the server (links, permissions) in
 * the manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // The advice on the appraisal and the referral to an institution.
    id: 'case-appraisal',
    path: 'appraisal',
    label: { 'zh-CN': '鉴定咨询与委托鉴定机构', en: 'Appraisal advice and referral to an institution' },
    permission: 'case.read',
    placement: ['case-service'],
  },
] as const satisfies readonly AdminRoute[];
