import { describe, expect, it } from 'vitest';
import { loggedPath } from './logged-path.ts';

describe('the path the access log writes', () => {
  it('leaves out the query string, where searches and forms put what people typed', () => {
    expect(loggedPath('/t/xuhui/cases?q=13812345678')).toBe('/t/xuhui/cases');
    expect(loggedPath('/t/xuhui/cases/new?name=%E8%B5%B5&idNumber=310104198001011234')).toBe(
      '/t/xuhui/cases/new',
    );
  });

  it('leaves out the secret of a one-time link', () => {
    expect(loggedPath('/p/abcdefSECRET')).toBe('/p/…');
    expect(loggedPath('/rate/123456')).toBe('/rate/…');
    expect(loggedPath('/survey/XYZ/thanks')).toBe('/survey/…/thanks');
    expect(loggedPath('/platform/setup/abcdefSECRET')).toBe('/platform/setup/…');
    expect(loggedPath('/platform/peers')).toBe('/platform/peers');
    expect(loggedPath('/t/xuhui/referrals')).toBe('/t/xuhui/referrals');
  });
});
