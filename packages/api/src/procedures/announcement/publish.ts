import { publishAnnouncement } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const publish = permittedProcedure('organisation.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => publishAnnouncement(ctx.tx, ctx.actor, input));
