import type { AdminRoute } from '@linju/plugin-sdk';

/**
 * The assistant's screens in the admin app: declared for the server (links, permissions) in the
 * manifest and read by the admin app from `./admin`, which must not load the manifest.
 */
export const adminRoutes = [
  {
    // Under every case, in its 法律知识 block: ask about the case, the question taken from it.
    id: 'case-tools',
    path: 'legal-assistant',
    label: { 'zh-CN': '法律助手', en: 'Legal assistant' },
    permission: 'case.read',
    placement: ['case-tools'],
  },
  {
    // The bureau's view of what residents ask.
    id: 'questions',
    path: 'legal-assistant/questions',
    label: { 'zh-CN': '法律助手问答记录', en: 'Legal assistant questions' },
    permission: 'statistics.read',
    placement: ['navigation'],
  },
] as const satisfies readonly AdminRoute[];
