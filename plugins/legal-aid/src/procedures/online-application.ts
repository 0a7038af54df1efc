import { publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import {
  HARDSHIP_EXEMPT_GROUP_NAMES,
  HARDSHIP_EXEMPT_GROUPS,
  LEGAL_AID_MATTER_NAMES,
  LEGAL_AID_MATTERS,
} from '../matters.ts';

/** What the online application form offers: the places to choose, the matters and the exempt groups. */
export const onlineApplication = publicProcedure({
  kind: 'query',
  input: z.object({}),
  run: async (ctx) => ({
    places: await ctx.servicePoints(),
    matters: LEGAL_AID_MATTERS.map((id) => ({ id, name: LEGAL_AID_MATTER_NAMES[id] })),
    exemptGroups: HARDSHIP_EXEMPT_GROUPS.map((id) => ({ id, name: HARDSHIP_EXEMPT_GROUP_NAMES[id] })),
  }),
});
