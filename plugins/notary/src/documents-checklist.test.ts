import { describe, expect, it } from 'vitest';
import { documentsChecklist, isNotaryMatter } from './documents-checklist.ts';

describe('the documents checklist of a notarial matter', () => {
  it('lists every document of the matter and, with nothing received, all required ones as missing', () => {
    const list = documentsChecklist('inheritance', []);
    expect(list.items.map((i) => i.id)).toEqual([
      'death-certificate',
      'heirs-relationship-proof',
      'heirs-id',
      'property-title',
      'will',
    ]);
    // The will is optional: an intestate succession has none.
    expect(list.missing).toEqual([
      'death-certificate',
      'heirs-relationship-proof',
      'heirs-id',
      'property-title',
    ]);
    expect(list.complete).toBe(false);
  });

  it('is complete once every required document is in, optional ones still open', () => {
    const list = documentsChecklist('no-criminal-record', ['applicant-id', 'police-certificate']);
    expect(list.missing).toEqual([]);
    expect(list.complete).toBe(true);
    expect(list.items.every((i) => i.received)).toBe(true);
  });

  it('ticks the received documents and keeps the missing ones in checklist order', () => {
    const list = documentsChecklist('kinship', ['household-register']);
    expect(list.items.find((i) => i.id === 'household-register')?.received).toBe(true);
    expect(list.missing).toEqual(['applicant-id', 'relationship-proof', 'relative-id']);
  });

  it('knows the notarial matters', () => {
    expect(isNotaryMatter('will')).toBe(true);
    expect(isNotaryMatter('divorce')).toBe(false);
    expect(isNotaryMatter(undefined)).toBe(false);
  });
});
