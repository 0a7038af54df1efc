import { platformSignIn, platformVerifyTotp } from '@linju/core';
import { z } from 'zod';
import { operatorSessionProcedure, publicProcedure, totpTimeOf } from '../../trpc.ts';

export const login = publicProcedure
  .meta({ guess: 'password' })
  .input(z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }))
  .mutation(({ ctx, input }) => platformSignIn(ctx.db, { ...input, ip: ctx.ip }));

export const verifyTotp = operatorSessionProcedure
  .meta({ guess: 'second-factor' })
  .input(
    z.object({
      code: z
        .string()
        .trim()
        .regex(/^[0-9]{6}$/, { message: 'auth.totp_invalid' }),
    }),
  )
  .mutation(({ ctx, input }) =>
    platformVerifyTotp(
      ctx.db,
      ctx.box,
      { operatorId: ctx.operatorId, session: ctx.session, at: totpTimeOf(ctx) },
      input.code,
    ),
  );
