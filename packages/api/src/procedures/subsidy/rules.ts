import {
  listSubsidyRules,
  pluginSubsidySources,
  removeSubsidyRule,
  setSubsidyRule,
  ZSubsidyRuleRequest,
} from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const getRules = permittedProcedure('subsidy.manage').query(({ ctx }) =>
  listSubsidyRules(ctx.tx, ctx.actor),
);

export const setRule = permittedProcedure('subsidy.manage')
  .input(ZSubsidyRuleRequest)
  // A service whose plugin records its own subsidies has no rule.
  .mutation(({ ctx, input }) =>
    setSubsidyRule(ctx.tx, ctx.actor, input, pluginSubsidySources(ctx.tx, ctx.actor, pluginRegistry.plugins)),
  );

export const removeRule = permittedProcedure('subsidy.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => removeSubsidyRule(ctx.tx, ctx.actor, input));
