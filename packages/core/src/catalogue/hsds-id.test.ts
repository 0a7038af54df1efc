import { describe, expect, it } from 'vitest';
import { hsdsId } from './hsds-id.ts';

describe('hsdsId', () => {
  it('gives the ids already published: a changed namespace or key scheme would orphan every directory’s copy', () => {
    expect(hsdsId('taxonomy', 'service-type')).toBe('442d535b-043f-5f94-99e6-a8ba22a9aff0');
    expect(hsdsId('00000000-0000-4000-8000-000000000001', 'service', 'mediation/consultation')).toBe(
      '152b642d-140b-5f50-aa6e-85c13b44d5bc',
    );
  });

  it('gives the same key the same id on every export, and another key another id', () => {
    expect(hsdsId('t', 'service', 'a')).toBe(hsdsId('t', 'service', 'a'));
    expect(hsdsId('t', 'service', 'a')).not.toBe(hsdsId('u', 'service', 'a'));
  });
});
