import { districtNamesBySlug } from '@linju/core';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

export const ZDistrictRequest = z.object({ slug: z.string().min(1).max(40) });

/** The names of the district a sign-in page belongs to, or null for none: its page names it in words. */
export const district = publicProcedure
  .input(ZDistrictRequest)
  .query(({ ctx, input }) => districtNamesBySlug(ctx.db, input.slug));
