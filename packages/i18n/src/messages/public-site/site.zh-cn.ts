/** The residents' site (zh-CN): the site's frame, home and finding help (catalogue, service points, rota, advisers, announcements). */
export const publicSiteZhCN = {
  'publicSite.home_title': '公共法律服务',
  'publicSite.home_intro': '找法律服务、在线申请、预约办理、查询进度，都在这里。',
} as const;
