import { findResidents, ZFindResidentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Residents with exactly this phone or ID number, masked: finding someone again at intake. */
export const getMany = permittedProcedure('case.intake')
  .input(ZFindResidentRequest)
  .query(({ ctx, input }) => findResidents(ctx.tx, ctx.box, ctx.tenantId, input));
