import { describe, expect, it } from 'vitest';
import { idCheckDigitValid, personalDataIn, removePersonalData } from './personal-data.ts';

const removed = (text: string, names: string[] = []) => removePersonalData(text, names).text;

describe('removing personal data from a case', () => {
  it('replaces the parties by their roles, in the order they are given', () => {
    expect(removed('张伟向李娜借款5万元，李娜多次催要，张伟未还。', ['张伟', '李娜'])).toBe(
      '当事人甲向当事人乙借款5万元，当事人乙多次催要，当事人甲未还。',
    );
  });

  it('takes a longer name whole, even when a shorter party name is inside it', () => {
    expect(removed('张伟民与张伟是兄弟', ['张伟', '张伟民'])).toBe('当事人乙与当事人甲是兄弟');
  });

  it('removes a name glued to other words, and leaves one-character names alone', () => {
    expect(removed('王芳的邻居说王芳家里很吵', ['王芳', '吵'])).toBe('当事人甲的邻居说当事人甲家里很吵');
  });

  it('removes a party that is an organisation, and keeps institutions that are no party', () => {
    expect(
      removed('杭州安居物业服务有限公司拖欠工资，经西湖区人民调解委员会调解', ['杭州安居物业服务有限公司']),
    ).toBe('当事人甲拖欠工资，经西湖区人民调解委员会调解');
  });

  it('replaces mobile numbers in every usual writing', () => {
    expect(removed('手机13812345678，或138 1234 5678，或+86 138-1234-5678')).toBe(
      '手机【电话】，或【电话】，或【电话】',
    );
  });

  it('replaces landlines with their area code, and a local number the text calls a phone', () => {
    expect(removed('座机0571-88886666，（010）12345678，电话：8888 6666')).toBe(
      '座机【电话】，【电话】，电话：【电话】',
    );
  });

  it('keeps the hotline 12348 and short numbers', () => {
    expect(removed('拨打12348公共法律服务热线，或110报警')).toBe('拨打12348公共法律服务热线，或110报警');
  });

  it('replaces an 18-digit resident ID with a valid check digit, and the 15-digit old one', () => {
    expect(idCheckDigitValid('11010519491231002X')).toBe(true);
    expect(removed('身份证号11010519491231002X，旧证号110105491231002')).toBe(
      '身份证号【身份证号】，旧证号【身份证号】',
    );
  });

  it('still removes an 18-digit number whose check digit is wrong, as a card number', () => {
    expect(idCheckDigitValid('110105194912310021')).toBe(false);
    expect(removed('号码110105194912310021')).toBe('号码【银行卡号】');
  });

  it('replaces passport and travel-permit numbers', () => {
    expect(removed('护照E12345678，EA1234567，港澳通行证H12345678')).toBe(
      '护照【身份证号】，【身份证号】，港澳通行证【身份证号】',
    );
  });

  it('replaces a unified social credit code', () => {
    expect(removed('个体工商户统一社会信用代码92330106MA2GXXXX1Y')).toBe(
      '个体工商户统一社会信用代码【统一社会信用代码】',
    );
  });

  it('replaces bank card numbers, grouped or not', () => {
    expect(removed('转入6222021234567890123，或6222 0212 3456 7890')).toBe(
      '转入【银行卡号】，或【银行卡号】',
    );
  });

  it('replaces e-mail addresses', () => {
    expect(removed('发至zhang.wei@example.com确认')).toBe('发至【电子邮箱】确认');
  });

  it('replaces plates, the 8-character new-energy ones too', () => {
    expect(removed('浙A12345撞上浙AD12345，又刮了沪B·D1234F和苏E1234学')).toBe(
      '【车牌】撞上【车牌】，又刮了【车牌】和【车牌】',
    );
  });

  it('replaces addresses down to the flat, without the words that lead into them', () => {
    expect(removed('住在浙江省杭州市西湖区文三路478号3幢2单元501室，楼上是噪音源')).toBe(
      '住在【地址】，楼上是噪音源',
    );
    expect(removed('家住幸福小区5栋1单元302室')).toBe('家住【地址】');
    expect(removed('位于桃源村三组')).toBe('位于【地址】');
  });

  it('keeps areas without a street, article numbers, amounts and dates', () => {
    const text =
      '依据《民法典》第六百七十五条，杭州市西湖区人民法院认为借款100000元应于2023年5月1日前归还，利息按年利率3.85%计算，共计3850.00元。';
    expect(removed(text)).toBe(text);
  });

  it('does not take a number inside an overlapping longer one twice', () => {
    const result = removePersonalData('卡号6222021381234567890，电话13812345678');
    expect(result.text).toBe('卡号【银行卡号】，电话【电话】');
    expect(result.removed).toEqual({ 'bank-card': 1, phone: 1 });
  });

  it('marks each placeholder as removed, for the review to highlight', () => {
    expect(removePersonalData('张伟电话13812345678。', ['张伟']).pieces).toEqual([
      { text: '当事人甲', removed: 'name' },
      { text: '电话' },
      { text: '【电话】', removed: 'phone' },
      { text: '。' },
    ]);
  });

  it('finds nothing in an anonymised text, and what an edit put back', () => {
    const draft = removed('张伟电话13812345678，住文三路478号', ['张伟']);
    expect(personalDataIn(draft, ['张伟'])).toEqual([]);
    expect(personalDataIn(`${draft}，张伟的新号码13900001111`, ['张伟'])).toEqual(['name', 'phone']);
  });
});
