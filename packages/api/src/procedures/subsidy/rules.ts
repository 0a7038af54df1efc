import { listSubsidyRules, removeSubsidyRule, setSubsidyRule, ZSubsidyRuleRequest } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const getRules = permittedProcedure('subsidy.manage').query(({ ctx }) =>
  listSubsidyRules(ctx.tx, ctx.actor),
);

export const setRule = permittedProcedure('subsidy.manage')
  .input(ZSubsidyRuleRequest)
  .mutation(({ ctx, input }) => setSubsidyRule(ctx.tx, ctx.actor, input));

export const removeRule = permittedProcedure('subsidy.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => removeSubsidyRule(ctx.tx, ctx.actor, input));
