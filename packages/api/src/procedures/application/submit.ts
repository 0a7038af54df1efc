import { sendOnlineRequest, ZOnlineRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { pluginRegistry } from '@linju/plugins';
import { claimSubmission } from '../../submission-limits.ts';
import { residentProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/**
 * A question, a dispute to mediate or a home visit sent by the resident who verified their phone:
 * an online case in the queue of the place they chose (or a unit above it), the receipt by SMS;
 * the same request again within 24 hours answers the open case (`repeated`).
 */
export const submit = residentProcedure.input(ZOnlineRequest).mutation(async ({ ctx, input }) => {
  const { resident } = ctx;
  const district = ctx.district.id;
  const platform = { tenantId: district, box: ctx.box, files: filesOf(ctx), forms: pluginRegistry };
  return withTenant(ctx.db, district, async (tx) => {
    await claimSubmission(ctx, tx, district, resident.phone);
    return sendOnlineRequest(tx, platform, resident.phone, input);
  });
});
