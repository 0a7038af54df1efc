/**
 * Fees are worked out exactly: amounts in fen, rates in basis points (2.5% = 250), so a tier's fee
 * is a whole number of 1/10,000 fen (a `bigint` "share"), and the one rounding comes last.
 */
export type Shares = bigint;

const SHARES_PER_FEN = 10_000n;

export function fenOf(yuan: number): bigint {
  return BigInt(Math.round(yuan * 100));
}

export function sharesOfFen(fen: bigint): Shares {
  return fen * SHARES_PER_FEN;
}

/**
 * To the fen, rounding half up (四舍五入): the 办法 names no rounding, and courts' fee notices round
 * to the fen this way. Divides first when the 办法 takes a part (half, a third), so the part is
 * taken of the exact figure and rounded once.
 */
export function roundToYuan(shares: Shares, divisor = 1n): number {
  const unit = SHARES_PER_FEN * divisor;
  const fen = (shares * 2n + unit) / (unit * 2n);
  return Number(fen) / 100;
}

/** One band of a cumulative schedule: the part of the amount above `overFen` pays `basisPoints`. */
export type Band = { readonly overFen: bigint; readonly basisPoints: bigint };

/**
 * 分段累计: a flat fee up to the first band, then each band's rate on the part of the amount
 * falling inside it (up to the next band's start).
 */
export function cumulative(amountFen: bigint, flatFen: bigint, bands: readonly Band[]): Shares {
  let shares = sharesOfFen(flatFen);
  bands.forEach((band, i) => {
    const next = bands[i + 1]?.overFen;
    const top = next === undefined || amountFen < next ? amountFen : next;
    if (top > band.overFen) shares += (top - band.overFen) * band.basisPoints;
  });
  return shares;
}

export const yuan = (whole: number): bigint => BigInt(whole) * 100n;

/** A fee capped by the 办法 (`Math.min` takes no `bigint`). */
export function capped(shares: Shares, cap: Shares): Shares {
  if (shares > cap) return cap;
  return shares;
}
