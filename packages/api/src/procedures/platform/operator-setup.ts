import { completeOperatorSetup, viewOperatorSetup } from '@linju/core';
import { z } from 'zod';
import { publicProcedure, totpTimeOf } from '../../trpc.ts';

const ZSetupToken = z.string().trim().min(20).max(100);

/** Who a one-time setup link is for and the key to enrol: the link itself is the credential. */
export const viewOperatorSetupProcedure = publicProcedure
  .input(z.object({ token: ZSetupToken }))
  .query(({ ctx, input }) => viewOperatorSetup(ctx.db, ctx.box, input.token));

/** The operator's password and a code from the enrolled app: spends the link. */
export const completeOperatorSetupProcedure = publicProcedure
  .meta({ guess: 'second-factor' })
  .input(
    z.object({
      token: ZSetupToken,
      password: z.string().max(200),
      confirm: z.string().max(200),
      code: z
        .string()
        .trim()
        .regex(/^[0-9]{6}$/, { message: 'auth.totp_invalid' }),
    }),
  )
  .mutation(({ ctx, input }) => completeOperatorSetup(ctx.db, ctx.box, input, totpTimeOf(ctx)));
