import type { SealedColumn, SealOwner, SecretBox } from '@linju/auth';
import { z } from 'zod';

/** Resident identity card number (GB 11643): 17 digits and a check character from ISO 7064 MOD 11-2. */
export function validIdNumber(value: string): boolean {
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17];
}

export const ZIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validIdNumber, { message: 'personal_data.id_number_invalid' });

const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** An organisation's unified social credit code (GB 32100): 18 characters, the last a MOD 31 check. */
export function validCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce(
    (acc, w, i) => acc + w * CREDIT_CODE_CHARACTERS.indexOf(value[i] ?? ''),
    0,
  );
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31] === value[17];
}

export const ZCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validCreditCode, { message: 'personal_data.credit_code_invalid' });

/** A mainland mobile number: the only kind that takes an SMS (a landline is called, not texted). */
export const isMobileNumber = (value: string) => /^1[3-9][0-9]{9}$/.test(value);

/** A mainland mobile number, or a landline with area code (e.g. 021-64870000). */
export const ZPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()]/g, ''))
  .refine((v) => isMobileNumber(v) || /^0[0-9]{2,3}-?[0-9]{7,8}$/.test(v), {
    message: 'personal_data.phone_invalid',
  });

const maskMiddle = (value: string, keepStart: number, keepEnd: number) =>
  value.length <= keepStart + keepEnd
    ? '*'.repeat(value.length)
    : `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - keepEnd)}${value.slice(-keepEnd)}`;

/** 110101199003071234 → 110***********1234: the region and the last four, as lists show it. */
export const maskIdNumber = (value: string) => maskMiddle(value, 3, 4);
/** 13800138000 → 138****8000. */
export const maskPhone = (value: string) => maskMiddle(value, 3, 4);

/** 上海市徐汇区漕溪北路1号 → 上海市徐汇区****: the district, never the door. */
export const maskAddress = (value: string) => (value.length <= 6 ? '****' : `${value.slice(0, 6)}****`);

export type Sealed = { encrypted: string; index: string };

/** Personal data at rest: sealed for reading back, blind-indexed for finding by exact value. */
export const seal = (box: SecretBox, value: string, owner: SealOwner, at: SealedColumn): Sealed => ({
  encrypted: box.encrypt(value, owner, at),
  index: box.blindIndex(value, owner),
});
