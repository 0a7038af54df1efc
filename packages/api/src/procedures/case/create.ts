import { intakeCase, storeFormFiles, ZIntakeRequest } from '@linju/core';
import { pluginRegistry } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';

/** Intake from any channel; the caller becomes the first responder. */
export const create = permittedProcedure('case.intake')
  .input(ZIntakeRequest)
  .mutation(async ({ ctx, input }) => {
    const created = await intakeCase(ctx.tx, ctx.actor, ctx.box, input, pluginRegistry);
    // A declarative X service's file fields become case documents, referenced from the form.
    await storeFormFiles(ctx.tx, ctx.actor, filesOf(ctx), created.id);
    return created;
  });
