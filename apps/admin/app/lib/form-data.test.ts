import { describe, expect, it } from 'vitest';
import { formText, groupSecret, normaliseOneTimeCode } from './form-data.ts';

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
