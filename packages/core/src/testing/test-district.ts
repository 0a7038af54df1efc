import { randomBytes } from 'node:crypto';
import { newTotpSecret, type SecretBox } from '@linju/auth';
import { type Database, eq, schema, sealedColumns, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { systemActor } from '../actor.ts';
import { contractAdviser } from '../advisers/community-adviser-service.ts';
import { createOrganisation } from '../organisations/organisation-service.ts';
import { onboardTenant } from '../platform/onboard-tenant.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { TEST_SERVICE } from './test-service.ts';

export { type ChatMessage, type ChatRequest, startModelTestServer } from './model-test-server.ts';
export { seededRandom } from './seeded-random.ts';
export { residentCodeSentTo, smsSentTo } from './sms-sent-to.ts';
export { TEST_KNOWLEDGE, testKnowledgePlugin } from './test-knowledge-plugin.ts';
export { SECOND_TEST_SERVICE, TEST_SERVICE, TEST_SERVICES } from './test-service.ts';

export const TEST_PASSWORD = 'Test-password-1';

export type TestDistrict = Awaited<ReturnType<typeof createTestDistrict>>;

/**
 * A small district made through the real services (as the demo seed is): a centre, two stations
 * with a room each, a partner court, and people in the roles tests need, with `TEST_SERVICE` on.
 * The administrator is enrolled in TOTP with a known secret so tests can compute codes.
 */
export async function createTestDistrict(
  db: Database,
  box: SecretBox,
  label: string,
  options: { phone?: string } = {},
) {
  const slug = `t-${label}-${randomBytes(3).toString('hex')}`;
  const onboarding = await onboardTenant(
    db,
    {
      slug,
      nameZh: `测试区司法局 ${label}`,
      nameEn: `Test district ${label}`,
      divisionCode: '310104',
      services: [TEST_SERVICE],
      centre: { nameZh: '测试中心', nameEn: 'Test centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: TEST_PASSWORD },
    },
    { operatorId: null, operatorName: 'test' },
  );
  const tenantId = onboarding.tenant.id;
  const centreId = onboarding.centreId as string;
  const totpSecret = newTotpSecret();
  return withTenant(db, tenantId, async (tx) => {
    const actor = systemActor(tenantId, 'test');
    const stationA = await createOrganisation(tx, actor, {
      kind: 'station',
      parentId: centreId,
      nameZh: '甲街道工作站',
      nameEn: 'Station A',
    });
    const stationB = await createOrganisation(tx, actor, {
      kind: 'station',
      parentId: centreId,
      nameZh: '乙街道工作站',
      nameEn: 'Station B',
    });
    const roomA = await createOrganisation(tx, actor, {
      kind: 'room',
      parentId: stationA.id,
      nameZh: '甲居民区工作室',
      nameEn: 'Room A',
    });
    const court = await createOrganisation(tx, actor, {
      kind: 'court',
      nameZh: '测试法院',
      nameEn: 'Test court',
    });
    const person = async (username: string, role: Role, organisationId: string, phone?: string) =>
      (
        await createStaffMember(
          tx,
          actor,
          {
            username,
            displayName: username,
            organisationId,
            phone,
            password: TEST_PASSWORD,
            roles: [{ role, organisationId }],
            mustChangePassword: false,
          },
          box,
        )
      ).id;
    const people = {
      headA: await person('head-a', 'station-head', stationA.id),
      deskA: await person('desk-a', 'desk-officer', stationA.id),
      deskB: await person('desk-b', 'desk-officer', stationB.id),
      desk: await person('desk', 'desk-officer', centreId),
      withPhone: await person('lawyer', 'lawyer', centreId, options.phone ?? '13800138000'),
    };
    const adviser = await contractAdviser(tx, actor, {
      organisationId: roomA.id,
      lawFirm: '测试律师事务所',
      lawyerName: '顾问律师',
      lawyerStaffMemberId: people.withPhone,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    });
    await tx
      .update(schema.staffMember)
      .set({
        totpKeyEncrypted: box.encrypt(totpSecret, tenantId, sealedColumns.staffTotpKey),
        mustChangePassword: false,
      })
      .where(eq(schema.staffMember.username, 'admin'));
    return {
      tenantId,
      slug,
      totpSecret,
      adviserId: adviser.id,
      organisations: {
        centreId,
        stationA: stationA.id,
        stationB: stationB.id,
        roomA: roomA.id,
        court: court.id,
      },
      people,
    };
  });
}
