import { getCoverage } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 15分钟服务圈: the share of communities within the district's distance rule of a service point, and the gaps. */
export const get = permittedProcedure('statistics.read').query(({ ctx }) => getCoverage(ctx.tx, ctx.actor));
