import { DomainError } from '@linju/core';
import { districtSiteProcedure } from '../../trpc.ts';

/**
 * The district's site for a resident who proved their phone by SMS code (the residents' session
 * puts `resident` in the context); `resident.not_verified` otherwise.
 */
export const residentAppointmentProcedure = districtSiteProcedure.use(({ ctx, next }) => {
  const resident = (ctx as { resident?: { phone: string } | null }).resident ?? null;
  if (!resident) throw new DomainError('unauthorized', 'resident.not_verified');
  return next({ ctx: { resident } });
});
