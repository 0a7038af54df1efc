import { describe, expect, it } from 'vitest';
import { nameQueryTerms, phoneSuffixQueryTerm, residentSearchTerms } from './search-terms.ts';

describe('resident search terms', () => {
  it("store the name's character pairs and every ending of the phone from four digits", () => {
    expect(residentSearchTerms({ name: '欧阳 娜娜', phone: '13800138000' })).toEqual([
      'name:欧阳',
      'name:阳娜',
      'name:娜娜',
      ...['13800138000', '3800138000', '800138000', '00138000', '0138000', '138000', '38000', '8000'].map(
        (ending) => `phone:${ending}`,
      ),
    ]);
  });

  it('take a landline by its digits and a resident without a phone by the name alone', () => {
    expect(residentSearchTerms({ name: '王伟', phone: '021-64870000' })).toContain('phone:64870000');
    expect(residentSearchTerms({ name: '王伟', phone: null })).toEqual(['name:王伟']);
  });

  it('fold a name the way it was stored: full-width letters, case, the separator of a transliterated name', () => {
    expect(nameQueryTerms('阿依·买买提')).toEqual(residentSearchTerms({ name: '阿依买买提' }));
    expect(nameQueryTerms('ＬＩ Ｌｅｉ')).toEqual(nameQueryTerms('lilei'));
  });

  it('search a name by two or more characters, never by one or with digits', () => {
    expect(nameQueryTerms('张伟')).toEqual(['name:张伟']);
    expect(nameQueryTerms('张小伟')).toEqual(['name:张小', 'name:小伟']);
    expect(nameQueryTerms('张')).toBeNull();
    expect(nameQueryTerms('张3')).toBeNull();
  });

  it('search a phone by its last four to twelve digits', () => {
    expect(phoneSuffixQueryTerm('8000')).toBe('phone:8000');
    expect(phoneSuffixQueryTerm('6487 0000')).toBe('phone:64870000');
    expect(phoneSuffixQueryTerm('800')).toBeNull();
    expect(phoneSuffixQueryTerm('XH-8000')).toBeNull();
  });
});
