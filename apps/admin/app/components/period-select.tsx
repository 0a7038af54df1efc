import { SelectField, useTranslate } from '@linju/ui';
import type { periodOptions } from '../lib/statistics-filters.ts';

/** A statistics period's name: "2026年3月", "2026年第1季度", "2026年" (keys `2026-03`, `2026-Q1`, `2026`). */
export function usePeriodLabel(): (key: string) => string {
  const t = useTranslate();
  return (key) =>
    /-Q/.test(key)
      ? t('statistics.quarter', { year: key.slice(0, 4), quarter: key.slice(-1) })
      : key.length === 4
        ? t('statistics.year', { year: key })
        : t('statistics.month', { year: key.slice(0, 4), month: String(Number(key.slice(5, 7))) });
}

/** The period chooser of the statistics pages: recent months, quarters and years, grouped. */
export function PeriodSelect({
  periods,
  defaultValue,
}: {
  periods: ReturnType<typeof periodOptions>;
  defaultValue: string;
}) {
  const t = useTranslate();
  const periodLabel = usePeriodLabel();
  const group = (label: string, keys: readonly string[]) => (
    <optgroup label={label}>
      {keys.map((p) => (
        <option key={p} value={p}>
          {periodLabel(p)}
        </option>
      ))}
    </optgroup>
  );
  return (
    <SelectField label={t('statistics.period')} name="period" defaultValue={defaultValue}>
      {group(t('statistics.months'), periods.months)}
      {group(t('statistics.quarters'), periods.quarters)}
      {group(t('statistics.years'), periods.years)}
    </SelectField>
  );
}
