import {
  formHoldsUpload,
  intakeCase,
  prepareCaseCreatedHook,
  storeFormFiles,
  ZIntakeRequest,
} from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { requestPluginLogger } from '../../plugin-logger.ts';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';

/** Intake from any channel; the caller becomes the first responder. */
export const create = permittedProcedure('case.intake')
  .input(ZIntakeRequest)
  .mutation(async ({ ctx, input }) => {
    const created = await intakeCase(ctx.tx, ctx.actor, ctx.box, input, pluginRegistry);
    // A repeat of an intake already taken (same channel reference) answers that case: done before.
    if (created.repeated) return created;
    // A declarative X service's file fields become case documents, referenced from the form.
    if (formHoldsUpload(input.form)) await storeFormFiles(ctx.tx, ctx.actor, filesOf(ctx), created.id);
    // The service plugin's onCaseCreated sees the case only once it is committed; it logs its own failure.
    // Only a plugin's service has the hook: no read for the others.
    const hook = pluginRegistry.has(created.serviceType)
      ? await prepareCaseCreatedHook(
          ctx.tx,
          ctx.tenantId,
          pluginRegistry,
          created.id,
          requestPluginLogger(ctx.log),
        )
      : null;
    if (hook) ctx.afterCommit({ name: `${hook.pluginId}.onCaseCreated`, run: hook.run });
    return created;
  });
