import { type Band, yuan } from './fen.ts';

const band = (overYuan: number, percent: number): Band => ({
  overFen: yuan(overYuan),
  basisPoints: BigInt(Math.round(percent * 100)),
});

/** 第十三条第（一）项: 50元 up to 1万, then ten cumulative tiers. */
export const PROPERTY_BANDS: readonly Band[] = [
  band(10_000, 2.5),
  band(100_000, 2),
  band(200_000, 1.5),
  band(500_000, 1),
  band(1_000_000, 0.9),
  band(2_000_000, 0.8),
  band(5_000_000, 0.7),
  band(10_000_000, 0.6),
  band(20_000_000, 0.5),
];
export const PROPERTY_FLAT = yuan(50);

/** 第十四条第（一）项第2目: 50元 up to 1万. */
export const ENFORCEMENT_BANDS: readonly Band[] = [
  band(10_000, 1.5),
  band(500_000, 1),
  band(5_000_000, 0.5),
  band(10_000_000, 0.1),
];
export const ENFORCEMENT_FLAT = yuan(50);

/** 第十四条第（二）项: 30元 up to 1000元, at most 5000元 in all. */
export const PRESERVATION_BANDS: readonly Band[] = [band(1_000, 1), band(100_000, 0.5)];
export const PRESERVATION_FLAT = yuan(30);
export const PRESERVATION_CAP = yuan(5_000);

/** 第十三条第（二）项第1目: property to divide above 20万 adds 0.5%. */
export const DIVORCE_PROPERTY_BANDS: readonly Band[] = [band(200_000, 0.5)];

/** 第十三条第（二）项第2目: damages of 5万–10万 add 1%, above 10万 0.5%. */
export const PERSONALITY_DAMAGES_BANDS: readonly Band[] = [band(50_000, 1), band(100_000, 0.5)];

/** 第十四条第（六）项: half the property fee, at most 30万. */
export const BANKRUPTCY_CAP = yuan(300_000);
