import { describe, expect, it } from 'vitest';
import { detailsFromForm } from './organisation-form.ts';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

describe('detailsFromForm', () => {
  it('trims text, turns empty optional fields into null and reads coordinates as numbers', () => {
    const { details, errors } = detailsFromForm(
      form({
        nameZh: ' 徐家汇工作站 ',
        nameEn: 'Xujiahui',
        address: '',
        phone: '021-64870000',
        latitude: '31,1947',
        longitude: '121.4365',
      }),
    );
    expect(errors).toEqual({});
    expect(details).toEqual({
      nameZh: '徐家汇工作站',
      nameEn: 'Xujiahui',
      address: null,
      openingHours: null,
      phone: '021-64870000',
      latitude: 31.1947,
      longitude: 121.4365,
    });
  });

  it('names the fields it can tell are wrong', () => {
    expect(detailsFromForm(form({ latitude: '95', longitude: 'east' })).errors).toEqual({
      nameZh: 'validation.required',
      nameEn: 'validation.required',
      latitude: 'organisation.coordinates_invalid',
      longitude: 'organisation.coordinates_invalid',
    });
    expect(detailsFromForm(form({ nameZh: '甲', nameEn: 'A', latitude: '31.2' })).errors).toEqual({
      longitude: 'organisation.coordinates_incomplete',
    });
  });
});
