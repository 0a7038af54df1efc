import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The reference case library's screens in the admin app: declared for the server (links,
 * permissions) in the manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // Under every case, in its 法律知识 tools: the draft made from the case and the proposal.
    id: 'propose',
    path: 'reference-case',
    label: { 'zh-CN': '推荐为参考性案例', en: 'Propose as a reference case' },
    permission: 'case.handle',
    placement: ['case-tools'],
  },
  {
    // The library, each case's page (?case=) and, for approvers, the proposals waiting.
    id: 'library',
    path: 'reference-cases',
    label: { 'zh-CN': '参考性案例库', en: 'Reference cases' },
    permission: 'case.read',
    placement: ['navigation'],
  },
] as const satisfies readonly AdminRoute[];
