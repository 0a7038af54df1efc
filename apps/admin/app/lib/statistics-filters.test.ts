import { describe, expect, it } from 'vitest';
import { parseStatisticsFilters, periodOptions, statisticsSearch } from './statistics-filters.ts';

const defaults = { period: '2026-11', organisationId: '', serviceType: '' };

describe('the statistics filters in the URL', () => {
  it('offers this month, quarter and year first, across a new year', () => {
    const options = periodOptions(new Date(2026, 0, 15), 3, 3, 2);
    expect(options.months).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(options.quarters).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(options.years).toEqual(['2026', '2025']);
  });

  it('keeps valid filters and falls back on malformed ones', () => {
    const id = '0b7c2f4e-8d7c-4c9f-9f0e-2c1b3a4d5e6f';
    expect(
      parseStatisticsFilters(
        new URLSearchParams({ period: '2026-Q2', organisationId: id, serviceType: 'x-disputes' }),
        defaults,
      ),
    ).toEqual({ period: '2026-Q2', organisationId: id, serviceType: 'x-disputes' });
    expect(
      parseStatisticsFilters(
        new URLSearchParams({ period: '2026-13', organisationId: 'x', serviceType: 'A!' }),
        {
          ...defaults,
          organisationId: id,
        },
      ),
    ).toEqual({ period: '2026-11', organisationId: id, serviceType: '' });
    // An empty organisation is the whole district, chosen on purpose.
    expect(
      parseStatisticsFilters(new URLSearchParams({ organisationId: '' }), { ...defaults, organisationId: id })
        .organisationId,
    ).toBe('');
    expect(statisticsSearch({ period: '2026', organisationId: '', serviceType: 'x-rent-clinic' })).toBe(
      '?period=2026&organisationId=&serviceType=x-rent-clinic',
    );
  });
});
