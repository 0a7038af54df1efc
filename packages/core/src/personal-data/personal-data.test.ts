import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskIdNumber,
  maskPhone,
  seal,
  validCreditCode,
  validIdNumber,
  ZCreditCode,
  ZPhone,
} from './personal-data.ts';

describe('personal data', () => {
  it('accepts an identity card number only with its check character right', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(validIdNumber('11010519491231002')).toBe(false);
  });

  it("accepts an organisation's unified social credit code only with its check character right", () => {
    expect(validCreditCode('91350100M000100Y43')).toBe(true);
    expect(validCreditCode('91350100M000100Y44')).toBe(false);
    // I, O, S, V and Z are not in the code's alphabet.
    expect(validCreditCode('91350100M000100I43')).toBe(false);
    expect(ZCreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(ZCreditCode.safeParse('123').error?.issues[0]?.message).toBe('personal_data.credit_code_invalid');
  });

  it('masks for lists, keeping the region or prefix and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('masks an address down to its district', () => {
    expect(maskAddress('上海市徐汇区漕溪北路1号')).toBe('上海市徐汇区****');
    expect(maskAddress('某小区')).toBe('****');
  });

  it('takes mobile and landline numbers, with the spaces people type', () => {
    expect(ZPhone.parse('138 0013 8000')).toBe('13800138000');
    expect(ZPhone.parse('021-64870000')).toBe('021-64870000');
    expect(ZPhone.safeParse('12345').error?.issues[0]?.message).toBe('personal_data.phone_invalid');
  });

  it('seals so the same number is findable but not readable without the key', () => {
    const box = createSecretBox(randomBytes(32));
    const at = { table: 'resident', column: 'phone_encrypted' };
    const tenantId = '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01';
    const a = seal(box, '13800138000', tenantId, at);
    const b = seal(box, '13800138000', tenantId, at);
    expect(a.index).toBe(b.index);
    expect(a.encrypted).not.toContain('13800138000');
    expect(box.decrypt(a.encrypted, tenantId, at)).toBe('13800138000');
  });
});
