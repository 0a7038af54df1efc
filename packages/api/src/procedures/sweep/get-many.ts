import { listSweepReviews } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The monthly sweep reviews, newest month first (bureau administrators). */
export const getMany = tenantProcedure.query(({ ctx }) => listSweepReviews(ctx.tx, ctx.actor));
