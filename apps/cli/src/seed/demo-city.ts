import {
  citySettingOf,
  findTenantBySlug,
  onboardTenant,
  peerByNode,
  setCitySetting,
  systemActor,
} from '@linju/core';
import { type TenantTx, withTenant } from '@linju/db';
import { DEMO_CITY, DEMO_PASSWORD, DEMO_TENANT } from './demo-logins.ts';

/**
 * The city bureau of the demo district (Xuhui is 310104, so its city is 310100), a tenant of the
 * same node with its own bureau administrator: it receives the district's monthly statistics and
 * shows its districts side by side. It takes no cases itself, so no services are switched on.
 */
export function seedDemoCity(tx: TenantTx) {
  return onboardTenant(
    tx,
    {
      slug: DEMO_CITY,
      nameZh: '上海市司法局',
      nameEn: 'Shanghai Municipal Justice Bureau',
      divisionCode: '310100',
      services: [],
      centre: { nameZh: '上海市公共法律服务中心', nameEn: 'Shanghai Public Legal Service Centre' },
      firstAdmin: { username: 'admin', displayName: '市局管理员 徐静', password: DEMO_PASSWORD },
    },
    { operatorId: null, operatorName: '演示数据' },
  );
}

/**
 * Points the demo district's city setting (上报市局) at the demo city on this node, through the
 * same service as the screen (checked and audited). Done when the district or the city was just
 * made — never over a setting someone chose — and again when the setting still names the demo
 * city on a node id that is neither this node nor a pinned peer: the id follows the port
 * (`localhost-3000`), so a demo started on another port would otherwise send into the void.
 * The monthly schedule is not made here: the worker brings every district's schedule in line
 * with its setting when it starts, which `linju start` does right after seeding.
 */
export async function reportDemoDistrictToCity(
  tx: TenantTx,
  input: { nodeId: string; justCreated: boolean },
): Promise<void> {
  const district = await findTenantBySlug(tx, DEMO_TENANT);
  if (!district) throw new Error(`demo district ${DEMO_TENANT} missing`);
  await withTenant(tx, district.id, async (ttx) => {
    const setting = await citySettingOf(ttx);
    const stale =
      setting?.cityTenant === DEMO_CITY &&
      setting.cityNodeId !== input.nodeId &&
      !(await peerByNode(ttx, setting.cityNodeId));
    if (setting ? !stale : !input.justCreated) return;
    await setCitySetting(
      ttx,
      systemActor(district.id, '演示数据'),
      { cityNodeId: input.nodeId, cityTenant: DEMO_CITY, sendDay: setting?.sendDay ?? 3 },
      { nodeId: input.nodeId },
    );
  });
}
