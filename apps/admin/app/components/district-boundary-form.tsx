import { Button, SelectField, TextField, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { CsrfField } from './csrf-field.tsx';

/**
 * The bureau uploads its district's boundary (GeoJSON) for the maps, saying which datum the file
 * is in: GPS or Tianditu (WGS-84), or Amap and Tencent (GCJ-02), converted on the server.
 */
export function DistrictBoundaryForm({
  error,
  datum,
}: {
  error: (field: string) => string | undefined;
  datum: string;
}) {
  const t = useTranslate();
  return (
    <Form method="post" encType="multipart/form-data" className="admin-form">
      <CsrfField />
      <input type="hidden" name="intent" value="boundary" />
      <p className="admin-muted">{t('coverage.boundary_hint')}</p>
      <TextField
        label={t('coverage.boundary_file')}
        name="geojson"
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        error={error('geojson')}
      />
      <SelectField label={t('coverage.boundary_datum')} name="datum" defaultValue={datum}>
        <option value="wgs84">{t('coverage.datum_wgs84')}</option>
        <option value="gcj02">{t('coverage.datum_gcj02')}</option>
      </SelectField>
      <Button type="submit">{t('coverage.boundary_submit')}</Button>
    </Form>
  );
}
