/** The residents' site (zh-CN): booking appointment slots (notary, duty lawyer, mediator). Spread into the zh-CN catalogue. */
export const publicBookingZhCN = {} as const;
