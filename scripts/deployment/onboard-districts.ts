import { randomBytes } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import {
  addTenantDomain,
  createOrganisation,
  createStaffMember,
  onboardTenant,
  systemActor,
} from '@linju/core';
import { type Database, type schema, withTenant } from '@linju/db';

/** Host names under which the proxy reaches the districts (docs/operations.md, "Domains"). */
export const TENANT_HOST_SUFFIX = '.linju.sfj.example.gov.cn';
export const CUSTOM_DOMAIN = 'fw.minhang.gov.cn';

/** The password of every person the deployment test makes (a fresh one each run). */
export const STAFF_PASSWORD = `Deploy-${randomBytes(6).toString('base64url')}-1`;

export type District = {
  slug: string;
  tenantId: string;
  host: string;
  centreId: string;
  courtId: string;
  /** The other district's court, as this district's partner reached through the referral exchange. */
  partnerId: string;
};

const DISTRICTS = [
  { slug: 'xuhui', nameZh: '徐汇区司法局', nameEn: 'Xuhui District Justice Bureau', divisionCode: '310104' },
  {
    slug: 'minhang',
    nameZh: '闵行区司法局',
    nameEn: 'Minhang District Justice Bureau',
    divisionCode: '310112',
  },
] as const;

/**
 * Xuhui and Minhang through the core services the platform console and `linju tenant create` use:
 * each with a centre, a desk officer (`desk`), a court whose clerk answers in its inbox, and the
 * other district's court as a partner reached through the referral exchange (loopback: this node).
 * Xuhui is reached under the suffix, Minhang on its own domain, given by the operator.
 */
export async function onboardDistricts(
  db: Database,
  box: SecretBox,
  operatorId: string,
  nodeId: string,
): Promise<{ xuhui: District; minhang: District }> {
  const made = [];
  for (const district of DISTRICTS) {
    const { tenant, centreId } = await onboardTenant(
      db,
      {
        ...district,
        services: ['mediation'],
        centre: { nameZh: '公共法律服务中心', nameEn: 'Public legal service centre' },
        firstAdmin: { username: 'admin', displayName: '管理员', password: STAFF_PASSWORD },
      },
      { operatorId, operatorName: 'deployment test' },
    );
    if (!centreId) throw new Error(`${district.slug} was onboarded before`);
    const courtId = await withTenant(db, tenant.id, async (tx) => {
      const actor = systemActor(tenant.id, 'deployment test');
      const court = await createOrganisation(tx, actor, {
        kind: 'court',
        nameZh: `${district.nameZh.slice(0, 2)}区人民法院`,
        nameEn: `${district.slug} court`,
      });
      const person = (username: string, role: schema.Role, organisationId: string) =>
        createStaffMember(
          tx,
          actor,
          {
            username,
            displayName: username,
            organisationId,
            password: STAFF_PASSWORD,
            roles: [{ role, organisationId }],
            mustChangePassword: false,
          },
          box,
        );
      await person('desk', 'desk-officer', centreId);
      await person('clerk', 'partner-user', court.id);
      return court.id;
    });
    made.push({ slug: district.slug, tenantId: tenant.id, centreId, courtId });
  }
  const [xuhui, minhang] = made as [(typeof made)[0], (typeof made)[0]];
  const partnerOf = (from: typeof xuhui, to: typeof xuhui) =>
    withTenant(db, from.tenantId, (tx) =>
      createOrganisation(tx, systemActor(from.tenantId, 'deployment test'), {
        kind: 'court',
        nameZh: `${to.slug} 法院（转介）`,
        nameEn: `${to.slug} court (exchange)`,
        remoteAddress: `${to.slug}.${to.courtId}@${nodeId}`,
      }),
    );
  await addTenantDomain(db, { operatorId }, { tenantId: minhang.tenantId, host: CUSTOM_DOMAIN });
  return {
    xuhui: { ...xuhui, host: `xuhui${TENANT_HOST_SUFFIX}`, partnerId: (await partnerOf(xuhui, minhang)).id },
    minhang: { ...minhang, host: CUSTOM_DOMAIN, partnerId: (await partnerOf(minhang, xuhui)).id },
  };
}
