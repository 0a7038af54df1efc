import { randomUUID } from 'node:crypto';
import { asc, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { mapFrame, polygonsPath } from '../geo/map-frame.ts';
import { findLocatedNetworkUnits } from '../organisations/organisation-queries.ts';
import { districtBoundaryOf } from './district-boundary.ts';
import {
  type CommunityCoverage,
  type CoverageRule,
  DEFAULT_COVERAGE_RULE,
  type ServicePoint,
  serviceCircle,
} from './service-circle.ts';

/** The district's distance rule, or the defaults (1.2 km towns, 2 km villages, factor 1.3). */
export async function coverageRuleOf(tx: TenantTx): Promise<CoverageRule> {
  const [row] = await tx
    .select({
      townMetres: schema.coverageRule.townMetres,
      villageMetres: schema.coverageRule.villageMetres,
      walkingFactor: schema.coverageRule.walkingFactor,
    })
    .from(schema.coverageRule);
  return row ?? DEFAULT_COVERAGE_RULE;
}

/**
 * 15分钟服务圈: the share of the district's communities within its distance rule of an open
 * service point (centre, station, room or service point with coordinates), and the gaps.
 * For whoever reads the whole district's statistics.
 */
export async function getCoverage(tx: TenantTx, actor: Actor) {
  requireTenantWide(actor, 'statistics.read');
  const [rule, communities, points, boundary] = await Promise.all([
    coverageRuleOf(tx),
    tx.select().from(schema.community).orderBy(asc(schema.community.nameZh)),
    findLocatedNetworkUnits(tx),
    districtBoundaryOf(tx),
  ]);
  const located = points.map((p) => ({
    ...p,
    latitude: p.latitude as number,
    longitude: p.longitude as number,
  }));
  const circle = serviceCircle(communities, located, rule);
  return {
    rule,
    servicePoints: located.length,
    ...circle,
    map: coverageMap(located, [...circle.gaps, ...circle.coveredCommunities], boundary, rule),
  };
}

/**
 * The service circle drawn: the district's boundary, each service point with the circle a town's
 * walk reaches (the rule's metres over the walking factor, as the crow flies), and the
 * communities, covered or not.
 */
function coverageMap(
  points: readonly ServicePoint[],
  lines: readonly CommunityCoverage[],
  boundary: readonly schema.BoundaryPolygon[],
  rule: CoverageRule,
) {
  const frame = mapFrame([
    ...points.map((p) => [p.longitude, p.latitude] as const),
    ...lines.map((l) => [l.community.longitude, l.community.latitude] as const),
    ...boundary.flatMap((rings) => rings.flat()),
  ]);
  const radius = frame.metres(rule.townMetres / rule.walkingFactor);
  return {
    width: frame.width,
    height: frame.height,
    boundary: polygonsPath(frame, boundary),
    servicePoints: points.map((p) => ({
      id: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      ...frame.project([p.longitude, p.latitude]),
      radius,
    })),
    communities: lines.map((l) => ({
      id: l.community.id,
      nameZh: l.community.nameZh,
      nameEn: l.community.nameEn,
      ...frame.project([l.community.longitude, l.community.latitude]),
      covered: l.covered,
    })),
  };
}
export type Coverage = Awaited<ReturnType<typeof getCoverage>>;

export const ZCoverageRule = z.object({
  townMetres: z
    .int()
    .min(100, { message: 'coverage.metres_range' })
    .max(50_000, { message: 'coverage.metres_range' }),
  villageMetres: z
    .int()
    .min(100, { message: 'coverage.metres_range' })
    .max(50_000, { message: 'coverage.metres_range' }),
  walkingFactor: z
    .number()
    .min(1, { message: 'coverage.factor_range' })
    .max(3, { message: 'coverage.factor_range' }),
});

/** Sets the district's distance rule (bureau administrators). */
export async function setCoverageRule(tx: TenantTx, actor: Actor, request: z.input<typeof ZCoverageRule>) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZCoverageRule.parse(request);
  const before = await coverageRuleOf(tx);
  await tx
    .insert(schema.coverageRule)
    .values({ tenantId: actor.tenantId, ...input })
    .onConflictDoUpdate({ target: schema.coverageRule.tenantId, set: { ...input, updatedAt: new Date() } });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'coverage.rule_set',
    objectType: 'coverage_rule',
    objectId: actor.tenantId,
    before,
    after: input,
  });
  return input;
}

export const ZCommunityRequest = z.object({
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  settlement: z.enum(schema.SETTLEMENTS),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/** Lists a community or village the district must cover (bureau administrators). */
export async function createCommunity(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCommunityRequest>,
) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZCommunityRequest.parse(request);
  const id = randomUUID();
  await tx.insert(schema.community).values({ tenantId: actor.tenantId, id, ...input });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'coverage.community_created',
    objectType: 'community',
    objectId: id,
    after: input,
  });
  return { id, ...input };
}
