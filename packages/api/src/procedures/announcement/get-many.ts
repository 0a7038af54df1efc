import { listAnnouncements } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** Announcements newest first, over a cursor; drafts only for those who manage the unit. */
export const getMany = permittedProcedure('organisation.read')
  .input(
    z.object({
      organisationId: z.uuid().nullish(),
      limit: z.number().int().min(1).max(100).default(20),
      cursor: z.string().max(80).nullish(),
    }),
  )
  .query(({ ctx, input }) => listAnnouncements(ctx.tx, ctx.actor, input));
