/** The residents' site (zh-CN): the suggestion box and the messages residents and partners receive. Spread into the zh-CN catalogue. */
export const publicOutreachZhCN = {} as const;
