import { and, eq, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';

/** Names short enough for the header of a 360 px tablet screen and the title of a printed rota. */
const ZDisplayName = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(60, { message: 'tenant.name_too_long' });

export const ZTenantBrandingRequest = z.object({
  nameZh: ZDisplayName,
  nameEn: ZDisplayName,
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'tenant.colour_invalid' })
    .transform((colour) => colour.toLowerCase()),
});
export type TenantBrandingRequest = z.input<typeof ZTenantBrandingRequest>;

/**
 * The district changes its own display names and brand colour. The header derives a
 * contrast-safe shade from the colour, so any valid colour is accepted as typed. The slug,
 * division code and time zone stay the platform operator's (they key URLs and the calendar).
 */
export async function updateTenantBranding(tx: TenantTx, actor: Actor, request: TenantBrandingRequest) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZTenantBrandingRequest.parse(request);
  // `tenant` is a platform table without RLS: the transaction's tenant is re-checked here instead,
  // so an actor of one district can never name another district's row.
  const ownRow = and(
    eq(schema.tenant.id, actor.tenantId),
    sql`${schema.tenant.id} = ${schema.currentTenant}`,
  );
  const [before] = await tx
    .select({ nameZh: schema.tenant.nameZh, nameEn: schema.tenant.nameEn, branding: schema.tenant.branding })
    .from(schema.tenant)
    .where(ownRow)
    .for('update');
  if (!before) throw new DomainError('not-found', 'tenant.not_found');
  const after = {
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    branding: { ...before.branding, colour: input.colour },
  };
  await tx.update(schema.tenant).set(after).where(ownRow);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'tenant.branding_updated',
    objectType: 'tenant',
    objectId: actor.tenantId,
    before,
    after,
  });
  return after;
}
