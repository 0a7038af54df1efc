/** The residents' site (zh-CN): asking and applying online (consultation, mediation, legal aid, home visits). Spread into the zh-CN catalogue. */
export const publicApplyZhCN = {} as const;
