import { describe, expect, it } from 'vitest';
import { formText, groupSecret, normaliseOneTimeCode, optionalText, parseCoordinate } from './form-data.ts';

describe('formText', () => {
  it('reads text fields and treats missing fields and files as empty', () => {
    const form = new FormData();
    form.set('username', 'wang');
    form.set('upload', new Blob(['x']));
    expect(formText(form, 'username')).toBe('wang');
    expect(formText(form, 'missing')).toBe('');
    expect(formText(form, 'upload')).toBe('');
  });
});

describe('normaliseOneTimeCode', () => {
  it('drops the spaces and dashes people type between digit groups', () => {
    expect(normaliseOneTimeCode(' 123 456 ')).toBe('123456');
    expect(normaliseOneTimeCode('123-456')).toBe('123456');
  });
});

describe('groupSecret', () => {
  it('splits a key into groups of four for typing by hand', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});

describe('optionalText and parseCoordinate', () => {
  it('reads an empty optional field as null', () => {
    const form = new FormData();
    form.set('address', '  ');
    form.set('phone', ' 021-1234 ');
    expect(optionalText(form, 'address')).toBeNull();
    expect(optionalText(form, 'phone')).toBe('021-1234');
  });

  it('parses coordinates within their range, with a point or a comma', () => {
    expect(parseCoordinate('', 90)).toBeNull();
    expect(parseCoordinate('-33.86', 90)).toBe(-33.86);
    expect(parseCoordinate('121,4365', 180)).toBe(121.4365);
    expect(parseCoordinate('90.5', 90)).toBeUndefined();
    expect(parseCoordinate('1e2', 180)).toBeUndefined();
    expect(parseCoordinate('north', 90)).toBeUndefined();
  });
});
