/** The residents' site (zh-CN): a resident proving their phone by SMS code and following a matter. Spread into the zh-CN catalogue. */
export const publicResidentZhCN = {} as const;
