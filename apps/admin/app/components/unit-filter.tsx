import { Button, SelectField, useLocale } from '@linju/ui';
import { Form } from 'react-router';

/**
 * A GET form choosing one unit by `?unit=` (the assignment queue's unit, the overview's scope),
 * with the page's other address values kept as hidden fields. Works without JavaScript.
 */
export function UnitFilter({
  units,
  value,
  label,
  submit,
  whole,
  keep = {},
}: {
  units: readonly { id: string; nameZh: string; nameEn: string }[];
  value: string;
  label: string;
  submit: string;
  /** The text of an empty first choice meaning "all of them" (the district), if there is one. */
  whole?: string | undefined;
  keep?: Record<string, string>;
}) {
  const locale = useLocale();
  return (
    <Form method="get" className="lj-form admin-filters">
      {Object.entries(keep).map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <SelectField name="unit" label={label} defaultValue={value}>
        {whole !== undefined ? <option value="">{whole}</option> : null}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {locale === 'en' ? u.nameEn : u.nameZh}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </Form>
  );
}
