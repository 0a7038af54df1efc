import { type DisputeQuery, type OfferedService, resolutionPaths } from '@linju/plugin-sdk';
import type { Topic } from './topics.ts';

/** The district's service whose closing times a way to resolve shares. */
const SERVICE_OF_PATH: Readonly<Record<string, string>> = { 'people-mediation': 'mediation' };

/** The court case a matter would be, with the amount the person entered; none for a property case without one. */
function disputeOf(kind: Topic['litigation'], amount: number | null): DisputeQuery | null {
  const some = amount !== null && amount > 0 ? amount : undefined;
  switch (kind) {
    case 'property':
      return some === undefined ? null : { kind, amount: some };
    case 'divorce':
      return some === undefined ? { kind } : { kind, property: some };
    case 'personality-rights':
      return some === undefined ? { kind } : { kind, damages: some };
    default:
      return { kind };
  }
}

/**
 * The ways to resolve a matter side by side: going to court with its fee under 《诉讼费用交纳办法》
 * (unknown until a property case's amount is entered), people's mediation, the court's confirmation
 * of its agreement and, for labour, arbitration — each with its basis and, where a service of the
 * district does it, that service's median days to close here.
 */
export function waysToResolve(
  topic: { readonly litigation: Topic['litigation'] },
  amount: number | null,
  offered: readonly Pick<OfferedService, 'id' | 'medianDays'>[],
) {
  const dispute = disputeOf(topic.litigation, amount);
  const paths = dispute
    ? resolutionPaths(dispute)
    : resolutionPaths({ kind: 'other-non-property' }).map((path) =>
        path.path === 'litigation'
          ? { ...path, fee: null, basis: '《诉讼费用交纳办法》第十三条第（一）项' }
          : path,
      );
  return paths.map((path) => {
    const service = offered.find((s) => s.id === SERVICE_OF_PATH[path.path]);
    return { path: path.path, fee: path.fee, basis: path.basis, medianDays: service?.medianDays ?? null };
  });
}
