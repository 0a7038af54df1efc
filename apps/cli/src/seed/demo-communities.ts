import { type Actor, createCommunity } from '@linju/core';
import type { TenantTx } from '@linju/db';

/**
 * The residential communities and villages the demo district must cover (15分钟服务圈): most near
 * a station or room, one village in the far south of Huajing beyond 2 km of any service point, so
 * the coverage page has a gap to show.
 */
const COMMUNITIES = [
  {
    nameZh: '汇站居民区',
    nameEn: 'Huizhan Community',
    settlement: 'town',
    latitude: 31.1931,
    longitude: 121.4345,
  },
  {
    nameZh: '永嘉居民区',
    nameEn: 'Yongjia Community',
    settlement: 'town',
    latitude: 31.2091,
    longitude: 121.4512,
  },
  {
    nameZh: '长春居民区',
    nameEn: 'Changchun Community',
    settlement: 'town',
    latitude: 31.1771,
    longitude: 121.4259,
  },
  {
    nameZh: '徐虹北路居民区',
    nameEn: 'Xuhong North Road Community',
    settlement: 'town',
    latitude: 31.1835,
    longitude: 121.4125,
  },
  {
    nameZh: '华泾村',
    nameEn: 'Huajing Village',
    settlement: 'village',
    latitude: 31.1185,
    longitude: 121.4601,
  },
  {
    nameZh: '关港村',
    nameEn: 'Guangang Village',
    settlement: 'village',
    latitude: 31.0925,
    longitude: 121.4712,
  },
] as const;

export async function seedCommunities(tx: TenantTx, actor: Actor) {
  for (const c of COMMUNITIES) await createCommunity(tx, actor, c);
}
