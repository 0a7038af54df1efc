import { attachDocument as attach, ZAttachDocumentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';

export const attachDocument = permittedProcedure('case.handle')
  .input(ZAttachDocumentRequest)
  .mutation(({ ctx, input }) => attach(ctx.tx, ctx.actor, filesOf(ctx), input));
