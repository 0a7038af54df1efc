import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { catalogueAt } from './catalogue-at.ts';

/** The service catalogue at a unit (`catalogueAt`), for the catalogue page and the intake form. */
export const getMany = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid() }))
  .query(({ ctx, input }) => catalogueAt(ctx.tx, input.organisationId));
