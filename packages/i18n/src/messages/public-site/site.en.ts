import type { publicSiteZhCN } from './site.zh-cn.ts';

/** The residents' site (en): the site's frame, home and finding help (catalogue, service points, rota, advisers, announcements). */
export const publicSiteEn: Record<keyof typeof publicSiteZhCN, string> = {
  'publicSite.home_title': 'Public legal services',
  'publicSite.home_intro': 'Find legal help, apply online, book an appointment and follow your matter here.',
};
