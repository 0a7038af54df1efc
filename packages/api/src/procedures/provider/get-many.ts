import { listProviderRecords, ZListProviderRecordsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const getMany = permittedProcedure('provider.read')
  .input(ZListProviderRecordsRequest)
  .query(({ ctx, input }) => listProviderRecords(ctx.tx, ctx.actor, input));
