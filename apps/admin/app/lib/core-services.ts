/** A moment as a `datetime-local` value in the district's time (UTC+8). */
export function toDistrictInput(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return local.toISOString().slice(0, 16);
}

type DescribedField = {
  key: string;
  options?: { value: string; label: Record<'zh-CN' | 'en', string> }[] | undefined;
};

/**
 * The label of a choice a service's form offers (`matter` → "劳动报酬"), from the form's own
 * description; the raw answer when the form does not know it, a dash when there is none.
 */
export function optionLabel(
  fields: readonly DescribedField[],
  key: string,
  value: unknown,
  locale: 'zh-CN' | 'en',
): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = fields.find((f) => f.key === key)?.options?.find((o) => o.value === value);
  return option ? option.label[locale] : String(value);
}
