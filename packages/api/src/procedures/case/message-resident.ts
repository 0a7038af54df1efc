import { messageResident as leaveMessage, ZResidentMessageRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 给群众留言: the handler's message to the resident, shown on their follow page and announced by SMS. */
export const messageResident = permittedProcedure('case.handle')
  .input(ZResidentMessageRequest)
  .mutation(({ ctx, input }) => leaveMessage(ctx.tx, ctx.actor, ctx.box, input));
