import { describe, expect, it } from 'vitest';
import { referralPartiesText } from './referral-parties.ts';

describe("a referral's other parties", () => {
  const parties = [
    { role: 'adverse', displayName: '周某', idNumber: '11010519491231002X' },
    { role: 'third-party', displayName: '某物业公司' },
  ];

  it('read as one line with their roles in the page’s language', () => {
    expect(referralPartiesText(parties, 'zh-CN')).toBe(
      '被申请人 周某（11010519491231002X）、第三人 某物业公司',
    );
    expect(referralPartiesText(parties, 'en')).toBe(
      'Respondent 周某 (11010519491231002X); Third party 某物业公司',
    );
  });
});
