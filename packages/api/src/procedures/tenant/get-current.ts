import { tenantProcedure } from '../../trpc.ts';

export const getCurrent = tenantProcedure.query(({ ctx }) => ({
  id: ctx.tenant.id,
  slug: ctx.tenant.slug,
  nameZh: ctx.tenant.nameZh,
  nameEn: ctx.tenant.nameEn,
  divisionCode: ctx.tenant.divisionCode,
  timeZone: ctx.tenant.timeZone,
  branding: ctx.tenant.branding,
}));
