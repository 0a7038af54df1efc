import { residentMatter, ZResidentMatterRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { pluginRegistry } from '@linju/plugins';
import { residentProcedure } from '../../trpc.ts';

/**
 * The public site: one of the verified resident's matters, with what to bring (the documents its
 * service asks for). Another's case, or none, is the same `not-found`: nothing is revealed.
 */
export const get = residentProcedure.input(ZResidentMatterRequest).query(async ({ ctx, input }) => {
  const matter = await withTenant(ctx.db, ctx.district.id, (tx) =>
    residentMatter(tx, ctx.box, ctx.district, ctx.resident.phone, input.caseId),
  );
  if (!matter) return null;
  const service = pluginRegistry.plugins.find((plugin) => plugin.id === matter.serviceType);
  const requiredDocuments = service?.catalogue.flatMap((entry) => entry.requiredDocuments ?? []) ?? [];
  return { ...matter, serviceName: service?.name ?? null, requiredDocuments };
});
