import { describe, expect, it } from 'vitest';
import { idNumberFacts, partyParticulars } from './party-particulars.ts';

describe('what an identity number says of its holder', () => {
  it('reads the birth date and the sex (odd: 男, even: 女)', () => {
    expect(idNumberFacts('31010419580312432X')).toEqual({ sex: '女', born: '1958年3月12日出生' });
    expect(idNumberFacts('310104197507085513')).toEqual({ sex: '男', born: '1975年7月8日出生' });
  });

  it('says nothing for a number that is not a citizen’s 18-digit one', () => {
    expect(idNumberFacts('310104580312432')).toBeNull();
    expect(idNumberFacts('310104195802302430')).toBeNull(); // 30 February
  });
});

describe('a party as the agreement names them', () => {
  const applicant = { name: '王秀英', role: 'applicant' as const };

  it('gives a person’s sex, birth date, ID number, address and phone the case records', () => {
    expect(
      partyParticulars(applicant, [
        {
          name: '王秀英',
          kind: 'person',
          idNumber: '31010419580312432X',
          creditCode: null,
          phone: '13916605012',
          address: '上海市徐汇区漕溪北路88弄3号502室',
        },
      ]),
    ).toBe(
      '王秀英，女，1958年3月12日出生，公民身份号码：31010419580312432X，住址：上海市徐汇区漕溪北路88弄3号502室，联系电话：13916605012',
    );
  });

  it('gives an organisation’s credit code and registered address (住所)', () => {
    expect(
      partyParticulars({ name: '某物业管理有限公司', role: 'respondent' }, [
        {
          name: '某物业管理有限公司',
          kind: 'organisation',
          idNumber: null,
          creditCode: '91310104MA1FL0XY2K',
          phone: null,
          address: '上海市徐汇区虹梅路1号',
        },
      ]),
    ).toBe('某物业管理有限公司，统一社会信用代码：91310104MA1FL0XY2K，住所：上海市徐汇区虹梅路1号');
  });

  it('keeps the mediation form’s phone for a party the case does not record', () => {
    expect(partyParticulars({ ...applicant, phone: '13912345678' }, [])).toBe(
      '王秀英，联系电话：13912345678',
    );
  });
});
