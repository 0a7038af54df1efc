import { saveCaseSettings, ZCaseSettingsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const update = permittedProcedure('case.settings.manage')
  .input(ZCaseSettingsRequest)
  .mutation(({ ctx, input }) => saveCaseSettings(ctx.tx, ctx.actor, input));
