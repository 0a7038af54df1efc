import { describe, expect, it } from 'vitest';
import { inputBelongsTo } from './tenant-bound-activities.ts';

const A = '21d272ec-2e7b-4881-88ad-a0e955d80a79';
const B = '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e02';
const R = 'e177bfc1-c0a0-46ca-8ce6-99f2f50398a8';

describe('an activity input belongs to its workflow', () => {
  it('when the workflow id names its tenant (and, for a referral, report or import, that object)', () => {
    expect(inputBelongsTo(`referral:${A}:${R}`, { tenantId: A, referralId: R })).toBe(true);
    expect(inputBelongsTo(`statistics-report:${A}:${R}`, { tenantId: A, reportId: R })).toBe(true);
    expect(inputBelongsTo(`hotline-import:${A}:${R}`, { tenantId: A, importId: R })).toBe(true);
    // A scheduled run: Temporal appends the time to the schedule's workflow id.
    expect(inputBelongsTo(`escalation:${A}-2026-12-06T06:00:00Z`, { tenantId: A })).toBe(true);
    expect(inputBelongsTo(`plugins:${A}`, { tenantId: A })).toBe(true);
  });

  it('not when it names another tenant, another referral, report or import, or another workflow', () => {
    expect(inputBelongsTo(`referral:${A}:${R}`, { tenantId: B, referralId: R })).toBe(false);
    expect(inputBelongsTo(`referral:${A}:${R}`, { tenantId: A, referralId: B })).toBe(false);
    expect(inputBelongsTo(`referral:${A}:${R}`, { tenantId: A, referralId: R, workflowId: 'x' })).toBe(false);
    // Another import or report of the same district: the workflow runs for its own only.
    expect(inputBelongsTo(`hotline-import:${A}:${R}`, { tenantId: A, importId: B })).toBe(false);
    expect(inputBelongsTo(`statistics-report:${A}:${R}`, { tenantId: A, reportId: B })).toBe(false);
    expect(inputBelongsTo(`escalation:${A}-2026-12-06T06:00:00Z`, { tenantId: B })).toBe(false);
    expect(inputBelongsTo('no-business-key', { tenantId: A })).toBe(false);
    expect(inputBelongsTo(`sweep:${A}`, { tenantId: '' })).toBe(false);
  });
});
