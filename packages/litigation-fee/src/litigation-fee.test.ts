import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { litigationFee } from './litigation-fee.ts';

// Every figure below is worked out by hand from the 办法's words, cumulatively, tier by tier.
const property = (amount: number, simplified?: boolean) =>
  litigationFee({ kind: 'property', amount, ...(simplified === undefined ? {} : { simplified }) });

describe('litigationFee: property cases (第十三条第（一）项), at and just above every tier boundary', () => {
  it.each([
    // amount, fee, the working
    [1, 50, '不超过1万元的，每件交纳50元'],
    [10_000, 50, 'still the flat 50'],
    [10_000.2, 50.01, '50 + 0.20 × 2.5% = 50.005 → rounded half up to the fen'],
    [10_001, 50.03, '50 + 1 × 2.5% = 50.025 → 50.03'],
    [100_000, 2_300, '50 + 90,000 × 2.5% = 50 + 2,250'],
    [100_001, 2_300.02, '2,300 + 1 × 2%'],
    [200_000, 4_300, '2,300 + 100,000 × 2%'],
    [200_001, 4_300.02, '4,300 + 1 × 1.5% = 4,300.015 → 4,300.02'],
    [500_000, 8_800, '4,300 + 300,000 × 1.5% = 4,300 + 4,500'],
    [500_001, 8_800.01, '8,800 + 1 × 1%'],
    [1_000_000, 13_800, '8,800 + 500,000 × 1%'],
    [1_000_001, 13_800.01, '13,800 + 1 × 0.9% = 13,800.009 → 13,800.01'],
    [2_000_000, 22_800, '13,800 + 1,000,000 × 0.9%'],
    [2_000_001, 22_800.01, '22,800 + 1 × 0.8% = 22,800.008'],
    [5_000_000, 46_800, '22,800 + 3,000,000 × 0.8% = 22,800 + 24,000'],
    [5_000_001, 46_800.01, '46,800 + 1 × 0.7% = 46,800.007'],
    [10_000_000, 81_800, '46,800 + 5,000,000 × 0.7% = 46,800 + 35,000'],
    [10_000_001, 81_800.01, '81,800 + 1 × 0.6% = 81,800.006'],
    [20_000_000, 141_800, '81,800 + 10,000,000 × 0.6% = 81,800 + 60,000'],
    [20_000_001, 141_800.01, '141,800 + 1 × 0.5% = 141,800.005: exactly half a fen rounds up'],
    [30_000_000, 191_800, '141,800 + 10,000,000 × 0.5%'],
  ])('%d yuan → %d yuan (%s)', (amount, fee) => {
    expect(property(amount)).toEqual({
      fee,
      basis: '《诉讼费用交纳办法》第十三条第（一）项',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 13(1)',
    });
  });

  it('halves the acceptance fee in simplified procedure (第十六条), rounding once after halving', () => {
    expect(property(100_000, true)).toEqual({
      fee: 1_150,
      basis: '《诉讼费用交纳办法》第十三条第（一）项、第十六条',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 13(1), Art. 16',
    });
    // 50.025 / 2 = 25.0125 → 25.01 (rounding before halving would give 50.03 / 2 = 25.015 → 25.02).
    expect(property(10_001, true).fee).toBe(25.01);
  });
});

describe('litigationFee: non-property cases (第十三条第（二）项) answer a range', () => {
  it('divorce: 50–300, property up to 20万 adds nothing, above it 0.5%', () => {
    expect(litigationFee({ kind: 'divorce' })).toEqual({
      fee: 300,
      feeRange: { min: 50, max: 300 },
      basis: '《诉讼费用交纳办法》第十三条第（二）项第1目',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 13(2).1',
    });
    expect(litigationFee({ kind: 'divorce', property: 200_000 }).feeRange).toEqual({ min: 50, max: 300 });
    // 1 × 0.5% = 0.005 → half a fen, up.
    expect(litigationFee({ kind: 'divorce', property: 200_001 }).feeRange).toEqual({
      min: 50.01,
      max: 300.01,
    });
    // 100,000 × 0.5% = 500.
    expect(litigationFee({ kind: 'divorce', property: 300_000 }).feeRange).toEqual({ min: 550, max: 800 });
  });

  it('personality rights: 100–500, damages to 5万 add nothing, 5万–10万 1%, above 10万 0.5%', () => {
    const range = (damages?: number) =>
      litigationFee({ kind: 'personality-rights', ...(damages === undefined ? {} : { damages }) }).feeRange;
    expect(range()).toEqual({ min: 100, max: 500 });
    expect(range(50_000)).toEqual({ min: 100, max: 500 });
    expect(range(50_001)).toEqual({ min: 100.01, max: 500.01 });
    // 50,000 × 1% = 500.
    expect(range(100_000)).toEqual({ min: 600, max: 1_000 });
    // 500 + 1 × 0.5% = 500.005 → 500.01.
    expect(range(100_001)).toEqual({ min: 600.01, max: 1_000.01 });
    // 500 + 100,000 × 0.5% = 1,000.
    expect(range(200_000)).toEqual({ min: 1_100, max: 1_500 });
    expect(litigationFee({ kind: 'personality-rights' }).basis).toBe(
      '《诉讼费用交纳办法》第十三条第（二）项第2目',
    );
  });

  it('other non-property cases: 50–100, halved in simplified procedure', () => {
    expect(litigationFee({ kind: 'other-non-property' })).toMatchObject({
      fee: 100,
      feeRange: { min: 50, max: 100 },
      basis: '《诉讼费用交纳办法》第十三条第（二）项第3目',
    });
    expect(litigationFee({ kind: 'other-non-property', simplified: true }).feeRange).toEqual({
      min: 25,
      max: 50,
    });
  });
});

describe('litigationFee: the other acceptance fees of 第十三条', () => {
  it('intellectual property: 500–1000 without an amount, as a property case with one', () => {
    expect(litigationFee({ kind: 'intellectual-property' })).toMatchObject({
      feeRange: { min: 500, max: 1_000 },
      basis: '《诉讼费用交纳办法》第十三条第（三）项',
    });
    expect(litigationFee({ kind: 'intellectual-property', amount: 100_000 })).toMatchObject({
      fee: 2_300,
      basis: '《诉讼费用交纳办法》第十三条第（三）项、第十三条第（一）项',
    });
  });

  it('labour disputes: 10 yuan, 5 in simplified procedure', () => {
    expect(litigationFee({ kind: 'labour' })).toEqual({
      fee: 10,
      basis: '《诉讼费用交纳办法》第十三条第（四）项',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 13(4)',
    });
    expect(litigationFee({ kind: 'labour', simplified: true }).fee).toBe(5);
  });

  it('administrative cases: trademark, patent and maritime 100, others 50', () => {
    for (const matter of ['trademark', 'patent', 'maritime'] as const) {
      expect(litigationFee({ kind: 'administrative', matter })).toMatchObject({
        fee: 100,
        basis: '《诉讼费用交纳办法》第十三条第（五）项第1目',
      });
    }
    expect(litigationFee({ kind: 'administrative' })).toMatchObject({
      fee: 50,
      basis: '《诉讼费用交纳办法》第十三条第（五）项第2目',
    });
  });

  it('a failed objection to jurisdiction: 50–100, never halved', () => {
    expect(litigationFee({ kind: 'jurisdiction-objection' })).toMatchObject({
      fee: 100,
      feeRange: { min: 50, max: 100 },
      basis: '《诉讼费用交纳办法》第十三条第（六）项',
    });
  });
});

describe('litigationFee: application fees (第十四条)', () => {
  it.each([
    [10_000, 50, '不超过1万元的，每件交纳50元'],
    [10_001, 50.02, '50 + 1 × 1.5% = 50.015 → 50.02'],
    [500_000, 7_400, '50 + 490,000 × 1.5% = 50 + 7,350'],
    [500_001, 7_400.01, '7,400 + 1 × 1%'],
    [5_000_000, 52_400, '7,400 + 4,500,000 × 1% = 7,400 + 45,000'],
    [5_000_001, 52_400.01, '52,400 + 1 × 0.5% = 52,400.005 → 52,400.01'],
    [10_000_000, 77_400, '52,400 + 5,000,000 × 0.5% = 52,400 + 25,000'],
    [10_000_001, 77_400, '77,400 + 1 × 0.1% = 77,400.001 → 77,400.00'],
    [20_000_000, 87_400, '77,400 + 10,000,000 × 0.1%'],
  ])('enforcement of %d yuan → %d yuan (%s)', (amount, fee) => {
    expect(litigationFee({ kind: 'enforcement', amount })).toEqual({
      fee,
      basis: '《诉讼费用交纳办法》第十四条第（一）项第2目',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 14(1).2',
    });
  });

  it('enforcement without an amount: 50–500', () => {
    expect(litigationFee({ kind: 'enforcement' })).toMatchObject({
      fee: 500,
      feeRange: { min: 50, max: 500 },
      basis: '《诉讼费用交纳办法》第十四条第（一）项第1目',
    });
  });

  it.each<[number | undefined, number, string]>([
    [undefined, 30, '不涉及财产数额的，每件交纳30元'],
    [1_000, 30, '不超过1000元的，每件交纳30元'],
    [1_001, 30.01, '30 + 1 × 1%'],
    [100_000, 1_020, '30 + 99,000 × 1% = 30 + 990'],
    [100_001, 1_020.01, '1,020 + 1 × 0.5% = 1,020.005 → 1,020.01'],
    [895_999, 5_000, '1,020 + 795,999 × 0.5% = 4,999.995 → 5,000.00'],
    [896_000, 5_000, '1,020 + 796,000 × 0.5% = 5,000: the cap reached'],
    [896_001, 5_000, '5,000.005 would pass the cap: 最多不超过5000元'],
    [100_000_000, 5_000, 'capped'],
  ])('preservation of %s yuan → %d yuan (%s)', (amount, fee) => {
    expect(litigationFee({ kind: 'preservation', ...(amount === undefined ? {} : { amount }) })).toEqual({
      fee,
      basis: '《诉讼费用交纳办法》第十四条第（二）项',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 14(2)',
    });
  });

  it('a payment order pays a third of the property fee, rounded once', () => {
    // 2,300 / 3 = 766.666… → 766.67; 50 / 3 = 16.666… → 16.67.
    expect(litigationFee({ kind: 'payment-order', amount: 100_000 })).toMatchObject({
      fee: 766.67,
      basis: '《诉讼费用交纳办法》第十四条第（三）项',
    });
    expect(litigationFee({ kind: 'payment-order', amount: 10_000 }).fee).toBe(16.67);
  });

  it('a public summons pays 100; setting aside an award or ruling on an arbitration agreement 50–400', () => {
    expect(litigationFee({ kind: 'public-summons' })).toMatchObject({
      fee: 100,
      basis: '《诉讼费用交纳办法》第十四条第（四）项',
    });
    expect(litigationFee({ kind: 'arbitration-review' })).toMatchObject({
      feeRange: { min: 50, max: 400 },
      basis: '《诉讼费用交纳办法》第十四条第（五）项',
    });
  });

  it('bankruptcy pays half the property fee, at most 30万', () => {
    // 13,800 / 2.
    expect(litigationFee({ kind: 'bankruptcy', amount: 1_000_000 })).toMatchObject({
      fee: 6_900,
      basis: '《诉讼费用交纳办法》第十四条第（六）项',
    });
    // The property fee reaches 600,000 at 141,800 + (A − 20,000,000) × 0.5% = 600,000 → A = 111,640,000.
    expect(litigationFee({ kind: 'bankruptcy', amount: 111_640_000 }).fee).toBe(300_000);
    expect(litigationFee({ kind: 'bankruptcy', amount: 111_639_000 }).fee).toBe(299_997.5);
    expect(litigationFee({ kind: 'bankruptcy', amount: 500_000_000 }).fee).toBe(300_000);
  });
});

describe('litigationFee: a query the 办法 cannot answer', () => {
  const issuePath = (query: unknown) => {
    try {
      litigationFee(query as never);
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      return [...new Set((error as ZodError).issues.map((issue) => issue.path.join('.')))];
    }
    throw new Error('accepted');
  };

  it('names the field that is wrong', () => {
    expect(issuePath({ kind: 'property' })).toEqual(['amount']);
    expect(issuePath({ kind: 'property', amount: -1 })).toEqual(['amount']);
    expect(issuePath({ kind: 'property', amount: 0 })).toEqual(['amount']);
    expect(issuePath({ kind: 'property', amount: 10.005 })).toEqual(['amount']);
    expect(issuePath({ kind: 'divorce', property: Number.NaN })).toEqual(['property']);
    expect(issuePath({ kind: 'administrative', matter: 'tax' })).toEqual(['matter']);
    expect(issuePath({ kind: 'lottery' })).toEqual(['kind']);
  });
});
