import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The plugin's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // 研判 on any case: in the case page's 法律知识 tools block.
    id: 'case-opinions',
    path: 'expert-opinions',
    label: { 'zh-CN': '专家研判', en: 'Expert opinions' },
    permission: 'case.read',
    placement: ['case-tools'],
  },
  {
    // The pool with each expert's load (the bureau's figures on it).
    id: 'pool',
    path: 'expert-pool',
    label: { 'zh-CN': '专家库', en: 'Expert pool' },
    permission: 'case.read',
    placement: ['navigation'],
  },
  {
    // An expert with an account: what was put to them, to answer.
    id: 'mine',
    path: 'expert-pool/mine',
    label: { 'zh-CN': '请我研判', en: 'Opinions asked of me' },
    permission: 'case.read',
    placement: ['navigation'],
  },
] as const satisfies readonly AdminRoute[];
