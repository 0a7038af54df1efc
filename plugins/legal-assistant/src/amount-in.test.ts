import { describe, expect, it } from 'vitest';
import { amountIn } from './amount-in.ts';

describe('the amount a question names', () => {
  it('reads yuan, with 万 and separators', () => {
    expect(amountIn('朋友借钱不还怎么办，借了5万元')).toBe(50_000);
    expect(amountIn('欠我3,000元')).toBe(3000);
    expect(amountIn('借了1.5万块')).toBe(15_000);
  });

  it('is none when the question names no sum of money', () => {
    expect(amountIn('我想离婚')).toBeNull();
    expect(amountIn('拖欠了3个月工资')).toBeNull();
  });
});
