import type { publicBookingZhCN } from './booking.zh-cn.ts';

/** The residents' site (en): booking appointment slots (notary, duty lawyer, mediator). */
export const publicBookingEn: Record<keyof typeof publicBookingZhCN, string> = {};
