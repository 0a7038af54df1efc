import type { publicOutreachZhCN } from './outreach.zh-cn.ts';

/** The residents' site (en): the suggestion box and the messages residents and partners receive. */
export const publicOutreachEn: Record<keyof typeof publicOutreachZhCN, string> = {};
