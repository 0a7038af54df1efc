import { describe, expect, it } from 'vitest';
import { isUploadPath } from './upload-routes.ts';

describe('isUploadPath', () => {
  it('names the pages that post files, and no other form', () => {
    expect(isUploadPath('/t/xuhui/cases/0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01/documents')).toBe(true);
    expect(isUploadPath('/t/xuhui/cases/import')).toBe(true);
    expect(isUploadPath('/t/xuhui/providers')).toBe(true);
    expect(isUploadPath('/t/xuhui/assessments')).toBe(true);
    expect(isUploadPath('/t/xuhui/referrals')).toBe(true);
    expect(isUploadPath('/p/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4')).toBe(true);
    for (const path of [
      '/t/xuhui/cases/new',
      // The case's other parts post no files.
      '/t/xuhui/cases/0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01',
      '/t/xuhui/cases/0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01/referrals',
      '/t/xuhui/login',
      '/t/xuhui/referrals/0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01/attachments/ab',
      '/p/token/attachments/ab',
      '/rate',
      '/trpc/case.attachDocument',
    ])
      expect(isUploadPath(path), path).toBe(false);
  });
});
