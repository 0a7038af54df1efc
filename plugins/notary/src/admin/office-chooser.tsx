import type { PluginTranslate } from '@linju/plugin-sdk/admin';
import { Button, SelectField } from '@linju/ui';
import { Form } from 'react-router';
import type { Key } from './key.ts';

type Office = { id: string; name: { 'zh-CN': string; en: string } };

/** An office's name in the page's language (its Chinese name when it has no English one). */
export const officeName = (office: Office, locale: 'zh-CN' | 'en') =>
  locale === 'en' && office.name.en ? office.name.en : office.name['zh-CN'];

/** Which office's appointment book the page shows (`?office=`). */
export function OfficeChooser({
  offices,
  officeId,
  locale,
  t,
}: {
  offices: readonly Office[];
  officeId: string;
  locale: 'zh-CN' | 'en';
  t: PluginTranslate<Key>;
}) {
  return (
    <Form method="get" className="lj-form admin-inline-form">
      <SelectField name="office" id="office" label={t('notary.page.office')} defaultValue={officeId}>
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {officeName(o, locale)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t('notary.page.show_slots')}
      </Button>
    </Form>
  );
}
