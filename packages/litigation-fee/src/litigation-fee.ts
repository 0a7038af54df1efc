import {
  BANKRUPTCY_CAP,
  DIVORCE_PROPERTY_BANDS,
  ENFORCEMENT_BANDS,
  ENFORCEMENT_FLAT,
  PERSONALITY_DAMAGES_BANDS,
  PRESERVATION_BANDS,
  PRESERVATION_CAP,
  PRESERVATION_FLAT,
  PROPERTY_BANDS,
  PROPERTY_FLAT,
} from './fee-schedules.ts';
import { capped, cumulative, fenOf, roundToYuan, type Shares, sharesOfFen, yuan } from './fen.ts';
import { type LitigationFeeQuery, ZLitigationFeeQuery } from './litigation-fee-query.ts';

export type FeeRange = { readonly min: number; readonly max: number };

/** The fee for a query, in yuan to the fen, and the provision it rests on. */
export type LitigationFee = {
  /** The fee; where the 办法 gives a range, its upper end (the most a court may ask). */
  readonly fee: number;
  /** Where the 办法 gives a range (the province fixes the figure within it). */
  readonly feeRange?: FeeRange;
  /** 《诉讼费用交纳办法》第十三条第（一）项. */
  readonly basis: string;
  /** Measures on the Payment of Litigation Costs, Art. 13(1). */
  readonly basisEn: string;
};

type Provision = { readonly article: number; readonly item?: number; readonly point?: number };

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ARTICLE_LABELS: Record<number, string> = {
  8: '第八条',
  13: '第十三条',
  14: '第十四条',
  16: '第十六条',
};

function provisionZh({ article, item, point }: Provision): string {
  const itemPart = item === undefined ? '' : `第（${CHINESE_NUMBERS[item]}）项`;
  const pointPart = point === undefined ? '' : `第${point}目`;
  return `${ARTICLE_LABELS[article]}${itemPart}${pointPart}`;
}

function provisionEn({ article, item, point }: Provision): string {
  return `Art. ${article}${item === undefined ? '' : `(${item})`}${point === undefined ? '' : `.${point}`}`;
}

function basisOf(provisions: readonly Provision[]): Pick<LitigationFee, 'basis' | 'basisEn'> {
  return {
    basis: `《诉讼费用交纳办法》${provisions.map(provisionZh).join('、')}`,
    basisEn: `Measures on the Payment of Litigation Costs, ${provisions.map(provisionEn).join(', ')}`,
  };
}

const SIMPLIFIED: Provision = { article: 16 };

type Worked = { readonly shares: Shares; readonly upTo?: Shares; readonly provisions: readonly Provision[] };

const flat = (whole: number): Shares => sharesOfFen(yuan(whole));
const above = (amount: number | undefined, bands: Parameters<typeof cumulative>[2]): Shares =>
  amount === undefined ? 0n : cumulative(fenOf(amount), 0n, bands);
const propertyShares = (amount: number): Shares => cumulative(fenOf(amount), PROPERTY_FLAT, PROPERTY_BANDS);

/** A range from `min` to `max` whole yuan, plus what an amount adds to both ends. */
const range = (min: number, max: number, plus: Shares, provisions: readonly Provision[]): Worked => ({
  shares: flat(min) + plus,
  upTo: flat(max) + plus,
  provisions,
});

/**
 * The court fee for a query per the State Council's 《诉讼费用交纳办法》 (2007): the acceptance fee of
 * 第十三条 (halved for simplified procedure, 第十六条) or the application fee of 第十四条.
 * Throws a `ZodError` naming the field when the query is not one the 办法 answers.
 */
export function litigationFee(query: LitigationFeeQuery): LitigationFee {
  const q = ZLitigationFeeQuery.parse(query);
  const { worked, divisor } = work(q);
  const simplified = 'simplified' in q && q.simplified === true;
  const halve = simplified ? 2n : 1n;
  const provisions = simplified ? [...worked.provisions, SIMPLIFIED] : worked.provisions;
  const low = roundToYuan(worked.shares, divisor * halve);
  if (worked.upTo === undefined) return { fee: low, ...basisOf(provisions) };
  const high = roundToYuan(worked.upTo, divisor * halve);
  return { fee: high, feeRange: { min: low, max: high }, ...basisOf(provisions) };
}

function work(q: ReturnType<typeof ZLitigationFeeQuery.parse>): { worked: Worked; divisor: bigint } {
  const whole = (worked: Worked) => ({ worked, divisor: 1n });
  switch (q.kind) {
    case 'property':
      return whole({ shares: propertyShares(q.amount), provisions: [{ article: 13, item: 1 }] });
    case 'divorce':
      return whole(
        range(50, 300, above(q.property, DIVORCE_PROPERTY_BANDS), [{ article: 13, item: 2, point: 1 }]),
      );
    case 'personality-rights':
      return whole(
        range(100, 500, above(q.damages, PERSONALITY_DAMAGES_BANDS), [{ article: 13, item: 2, point: 2 }]),
      );
    case 'other-non-property':
      return whole(range(50, 100, 0n, [{ article: 13, item: 2, point: 3 }]));
    case 'intellectual-property':
      return whole(
        q.amount === undefined
          ? range(500, 1000, 0n, [{ article: 13, item: 3 }])
          : {
              shares: propertyShares(q.amount),
              provisions: [
                { article: 13, item: 3 },
                { article: 13, item: 1 },
              ],
            },
      );
    case 'labour':
      return whole({ shares: flat(10), provisions: [{ article: 13, item: 4 }] });
    case 'administrative':
      return whole(
        q.matter === 'other'
          ? { shares: flat(50), provisions: [{ article: 13, item: 5, point: 2 }] }
          : { shares: flat(100), provisions: [{ article: 13, item: 5, point: 1 }] },
      );
    case 'jurisdiction-objection':
      return whole(range(50, 100, 0n, [{ article: 13, item: 6 }]));
    case 'enforcement':
      return whole(
        q.amount === undefined
          ? range(50, 500, 0n, [{ article: 14, item: 1, point: 1 }])
          : {
              shares: cumulative(fenOf(q.amount), ENFORCEMENT_FLAT, ENFORCEMENT_BANDS),
              provisions: [{ article: 14, item: 1, point: 2 }],
            },
      );
    case 'preservation': {
      const shares = cumulative(fenOf(q.amount ?? 0), PRESERVATION_FLAT, PRESERVATION_BANDS);
      return whole({
        shares: capped(shares, sharesOfFen(PRESERVATION_CAP)),
        provisions: [{ article: 14, item: 2 }],
      });
    }
    case 'payment-order':
      return {
        worked: { shares: propertyShares(q.amount), provisions: [{ article: 14, item: 3 }] },
        divisor: 3n,
      };
    case 'public-summons':
      return whole({ shares: flat(100), provisions: [{ article: 14, item: 4 }] });
    case 'arbitration-review':
      return whole(range(50, 400, 0n, [{ article: 14, item: 5 }]));
    case 'bankruptcy': {
      // Half, capped: compared before halving so the cap is exact.
      const shares = capped(propertyShares(q.amount), sharesOfFen(BANKRUPTCY_CAP) * 2n);
      return { worked: { shares, provisions: [{ article: 14, item: 6 }] }, divisor: 2n };
    }
  }
}
