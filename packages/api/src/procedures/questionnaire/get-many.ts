import { listQuestionnaires } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The questionnaires of the units the user may read; empty for anyone else. */
export const getMany = tenantProcedure.query(({ ctx }) => listQuestionnaires(ctx.tx, ctx.actor));
