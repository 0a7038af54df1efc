import { describe, expect, it } from 'vitest';
import { inboxFilters, inboxSearch, isFiltered, readInboxQuery } from './inbox-filters.ts';

const read = (search: string) => readInboxQuery(new URLSearchParams(search));
const SENDER = '5d2c3c0e-8d8b-4f44-9a57-1b7c1e0f2a10';

describe('the inbox address', () => {
  it('starts on 待处理 and keeps only a known tab, kind and unit', () => {
    expect(read('').query).toEqual({ tab: 'pending', kind: '', sender: '', from: '', until: '' });
    expect(read(`tab=answered&kind=judicial-confirmation&sender=${SENDER}`).query).toEqual({
      tab: 'answered',
      kind: 'judicial-confirmation',
      sender: SENDER,
      from: '',
      until: '',
    });
    expect(read('tab=everything&kind=divorce&sender=court').query).toMatchObject({
      tab: 'pending',
      kind: '',
      sender: '',
    });
  });

  it('names a day that is not one, and a range that ends before it starts, on its field', () => {
    expect(read('from=2026-02-30').errors).toEqual({ from: 'validation.date_invalid' });
    expect(read('until=yesterday').errors).toEqual({ until: 'validation.date_invalid' });
    expect(read('from=2026-12-05&until=2026-12-01').errors).toEqual({ until: 'referrals.filter_range' });
    expect(read('from=2026-12-01&until=2026-12-01').errors).toEqual({});
  });

  it('asks the API only for the filters that hold', () => {
    const ok = read(`kind=transfer&sender=${SENDER}&from=2026-12-01&until=2026-12-05`);
    expect(inboxFilters(ok.query, ok.errors)).toEqual({
      kind: 'transfer',
      fromOrganisationId: SENDER,
      receivedFrom: '2026-12-01',
      receivedUntil: '2026-12-05',
    });
    const refused = read('kind=transfer&from=2026-12-05&until=2026-12-01');
    expect(inboxFilters(refused.query, refused.errors)).toEqual({ kind: 'transfer' });
    expect(inboxFilters(read('').query, {})).toEqual({});
  });

  it('links each tab with the filters kept, and knows when anything is filtered', () => {
    const { query } = read('kind=transfer&from=2026-12-01');
    expect(inboxSearch(query, 'all')).toBe('?tab=all&kind=transfer&from=2026-12-01');
    expect(isFiltered(query)).toBe(true);
    expect(isFiltered(read('tab=all').query)).toBe(false);
  });
});
