import { describe, expect, it } from 'vitest';
import { ZSetThresholdRequest, ZSubsidyRequest } from './legal-aid-records.ts';

describe('amounts in yuan', () => {
  const subsidy = {
    caseId: '00000000-0000-4000-8000-000000000001',
    recipient: '张律师',
    basis: '民事案件办案补贴标准',
    paidOn: '2026-11-20',
  };
  const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues[0]?.message;

  it('names an amount the page could not read, in the plugin’s words', () => {
    expect(messageOf(ZSubsidyRequest.safeParse({ ...subsidy, amount: Number.NaN }))).toBe(
      'legal-aid.amount_invalid',
    );
    expect(
      messageOf(
        ZSetThresholdRequest.safeParse({
          effectiveFrom: '2026-01-01',
          monthlyPerCapitaIncome: Number.NaN,
          basis: '最低工资',
        }),
      ),
    ).toBe('legal-aid.amount_invalid');
  });

  it('takes amounts to the fen', () => {
    expect(ZSubsidyRequest.safeParse({ ...subsidy, amount: 300.5 }).success).toBe(true);
  });
});
