import { z } from 'zod';

/** The largest amount taken (1000亿元): far above any claim, and it keeps the fen arithmetic exact. */
const MOST_YUAN = 100_000_000_000;

/** An amount in yuan, to the fen at most (12.34, never 12.345). */
export const ZYuan = z
  .number()
  .nonnegative()
  .max(MOST_YUAN)
  .refine((yuan) => Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6, {
    error: 'an amount in yuan has at most two decimals (fen)',
  });

/** 第十六条: a case tried in simplified procedure pays half the acceptance fee. */
const simplified = z.boolean().optional();

/** Suits: the 案件受理费 of 第十三条. */
const suitKinds = [
  /** 第十三条第（一）项: by the amount claimed, in ten cumulative tiers. */
  z.object({ kind: z.literal('property'), amount: ZYuan.positive(), simplified }),
  /** 第十三条第（二）项第1目: the property to divide, if any. */
  z.object({ kind: z.literal('divorce'), property: ZYuan.optional(), simplified }),
  /** 第十三条第（二）项第2目: the damages claimed, if any. */
  z.object({ kind: z.literal('personality-rights'), damages: ZYuan.optional(), simplified }),
  /** 第十三条第（二）项第3目. */
  z.object({ kind: z.literal('other-non-property'), simplified }),
  /** 第十三条第（三）项: with an amount in dispute it is a property case. */
  z.object({ kind: z.literal('intellectual-property'), amount: ZYuan.positive().optional(), simplified }),
  /** 第十三条第（四）项. */
  z.object({ kind: z.literal('labour'), simplified }),
  /** 第十三条第（五）项: trademark, patent and maritime cases pay more than the others. */
  z.object({
    kind: z.literal('administrative'),
    matter: z.enum(['trademark', 'patent', 'maritime', 'other']).default('other'),
    simplified,
  }),
] as const;

/** A dispute a resident could take to court, or resolve another way (`resolutionPaths`). */
export const ZDisputeQuery = z.discriminatedUnion('kind', suitKinds);

/** Every fee the calculator answers, by `kind`: the single list of kinds. */
export const ZLitigationFeeQuery = z.discriminatedUnion('kind', [
  ...suitKinds,
  /** 第十三条第（六）项: an objection to jurisdiction that fails. */
  z.object({ kind: z.literal('jurisdiction-objection') }),
  /** 第十四条第（一）项: enforcing a judgment, award or notarised debt; without an amount a range. */
  z.object({ kind: z.literal('enforcement'), amount: ZYuan.positive().optional() }),
  /** 第十四条第（二）项: by the property actually preserved, none at all being the lowest fee. */
  z.object({ kind: z.literal('preservation'), amount: ZYuan.optional() }),
  /** 第十四条第（三）项. */
  z.object({ kind: z.literal('payment-order'), amount: ZYuan.positive() }),
  /** 第十四条第（四）项. */
  z.object({ kind: z.literal('public-summons') }),
  /** 第十四条第（五）项: setting aside an arbitral award, or ruling on an arbitration agreement. */
  z.object({ kind: z.literal('arbitration-review') }),
  /** 第十四条第（六）项: by the bankrupt's whole property. */
  z.object({ kind: z.literal('bankruptcy'), amount: ZYuan.positive() }),
]);

export type LitigationFeeQuery = z.input<typeof ZLitigationFeeQuery>;
export type LitigationFeeKind = LitigationFeeQuery['kind'];
export type DisputeQuery = z.input<typeof ZDisputeQuery>;
export type DisputeKind = DisputeQuery['kind'];
