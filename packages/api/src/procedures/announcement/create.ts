import { createAnnouncement, ZCreateAnnouncementRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const create = permittedProcedure('organisation.manage')
  .input(ZCreateAnnouncementRequest)
  .mutation(({ ctx, input }) => createAnnouncement(ctx.tx, ctx.actor, input));
