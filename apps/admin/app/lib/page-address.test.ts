import { describe, expect, it } from 'vitest';
import { pageAddressOf } from './page-address.ts';

describe('the address of the page a request is for', () => {
  it('is the page itself when the browser asked for it', () => {
    expect(pageAddressOf(new Request('http://x/t/xuhui/public/apply?service=notary'))).toBe(
      '/t/xuhui/public/apply?service=notary',
    );
  });

  it('is the page, not its data, when the app asked for the data with JavaScript', () => {
    expect(pageAddressOf(new Request('http://x/t/xuhui/public/apply.data'))).toBe('/t/xuhui/public/apply');
    expect(
      pageAddressOf(
        new Request('http://x/t/xuhui/public/book.data?service=x&_routes=routes%2Fpublic%2Fbook'),
      ),
    ).toBe('/t/xuhui/public/book?service=x');
  });
});
