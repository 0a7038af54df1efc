import { getCaseSettings } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const get = permittedProcedure('case.read').query(({ ctx }) => getCaseSettings(ctx.tx, ctx.actor));
