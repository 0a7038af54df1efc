import { holdJointConsultation, ZJointConsultationRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const holdConsultation = permittedProcedure('case.handle')
  .input(ZJointConsultationRequest)
  .mutation(({ ctx, input }) => holdJointConsultation(ctx.tx, ctx.actor, input));
