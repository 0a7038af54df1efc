import { grantRole as grant, revokeRole as revoke, ZRoleGrantRequest } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

const ZRoleChange = ZRoleGrantRequest.extend({ staffMemberId: z.uuid() });

export const grantRole = permittedProcedure('staff.manage')
  .input(ZRoleChange)
  .mutation(({ ctx, input }) => grant(ctx.tx, ctx.actor, input));

export const revokeRole = permittedProcedure('staff.manage')
  .input(ZRoleChange)
  .mutation(({ ctx, input }) => revoke(ctx.tx, ctx.actor, input));
