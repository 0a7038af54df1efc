import { describe, expect, it } from 'vitest';
import { hsdsId } from './hsds-id.ts';

describe('hsdsId', () => {
  it('gives the ids already published: a changed namespace or key scheme would orphan every directory’s copy', () => {
    expect(hsdsId('taxonomy', 'service-type')).toBe('442d535b-043f-5f94-99e6-a8ba22a9aff0');
    expect(hsdsId('00000000-0000-4000-8000-000000000001', 'service', 'x-rent-clinic/advice')).toBe(
      'e994d99a-61d9-523d-8a12-480edf2d543f',
    );
  });

  it('gives the same key the same id on every export, and another key another id', () => {
    expect(hsdsId('t', 'service', 'a')).toBe(hsdsId('t', 'service', 'a'));
    expect(hsdsId('t', 'service', 'a')).not.toBe(hsdsId('u', 'service', 'a'));
  });
});
