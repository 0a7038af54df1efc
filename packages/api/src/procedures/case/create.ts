import { intakeCase, ZIntakeRequest } from '@linju/core';
import { pluginRegistry } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';

/** Intake from any channel; the caller becomes the first responder. */
export const create = permittedProcedure('case.intake')
  .input(ZIntakeRequest)
  .mutation(({ ctx, input }) => intakeCase(ctx.tx, ctx.actor, ctx.box, input, pluginRegistry));
