import { addCaseNote, ZNoteRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const addNote = permittedProcedure('case.handle')
  .input(ZNoteRequest)
  .mutation(({ ctx, input }) => addCaseNote(ctx.tx, ctx.actor, input));
