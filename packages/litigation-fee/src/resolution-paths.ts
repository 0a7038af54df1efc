import { type FeeRange, litigationFee } from './litigation-fee.ts';
import { type DisputeQuery, ZDisputeQuery } from './litigation-fee-query.ts';

/** A way to resolve a dispute, what it costs and the article saying so. */
export type ResolutionPath = {
  readonly path: 'litigation' | 'people-mediation' | 'judicial-confirmation' | 'labour-arbitration';
  /** In yuan; 0 for the free ways. */
  readonly fee: number;
  readonly feeRange?: FeeRange;
  /** As cited: 《人民调解法》第四条 (checkable against the statute library or this package's articles). */
  readonly basis: string;
};

/**
 * The ways to resolve a dispute side by side: litigation with its court fee, people's
 * mediation and the court's confirmation of its agreement (both free), and for labour disputes
 * arbitration (free). Throws a `ZodError` naming the field on a bad query.
 */
export function resolutionPaths(query: DisputeQuery): readonly ResolutionPath[] {
  const dispute = ZDisputeQuery.parse(query);
  const court = litigationFee(dispute);
  return [
    {
      path: 'litigation',
      fee: court.fee,
      ...(court.feeRange === undefined ? {} : { feeRange: court.feeRange }),
      basis: court.basis,
    },
    // 人民调解委员会调解民间纠纷，不收取任何费用。
    { path: 'people-mediation', fee: 0, basis: '《人民调解法》第四条' },
    // Confirming a mediation agreement is a special procedure (民事诉讼法 第十五章), which pays no acceptance fee.
    { path: 'judicial-confirmation', fee: 0, basis: '《人民调解法》第三十三条、《诉讼费用交纳办法》第八条' },
    // 劳动争议仲裁不收费。
    ...(dispute.kind === 'labour'
      ? [{ path: 'labour-arbitration', fee: 0, basis: '《劳动争议调解仲裁法》第五十三条' } as const]
      : []),
  ];
}
