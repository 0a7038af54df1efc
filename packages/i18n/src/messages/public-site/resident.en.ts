import type { publicResidentZhCN } from './resident.zh-cn.ts';

/** The residents' site (en): a resident proving their phone by SMS code and following a matter. */
export const publicResidentEn: Record<keyof typeof publicResidentZhCN, string> = {};
