import type { publicApplyZhCN } from './apply.zh-cn.ts';

/** The residents' site (en): asking and applying online (consultation, mediation, legal aid, home visits). */
export const publicApplyEn: Record<keyof typeof publicApplyZhCN, string> = {};
