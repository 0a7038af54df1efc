import { describe, expect, it } from 'vitest';
import { readServiceForm, type ServiceFormField, serviceFieldName } from './service-form.ts';

const label = { 'zh-CN': '字段', en: 'Field' };
const fields: ServiceFormField[] = [
  { key: 'employer', label, type: 'text', required: true },
  { key: 'months', label, type: 'number', required: false },
  { key: 'urgent', label, type: 'checkbox', required: false },
  {
    key: 'sectors',
    label,
    type: 'multiselect',
    required: false,
    options: [
      { value: 'construction', label },
      { value: 'catering', label },
    ],
  },
];

describe('a service form posted with the intake', () => {
  it('keeps the described fields only, as the service schema expects them', () => {
    const form = new FormData();
    form.set(serviceFieldName('employer'), '  某建筑公司 ');
    form.set(serviceFieldName('months'), '');
    form.set(serviceFieldName('urgent'), 'on');
    form.append(serviceFieldName('sectors'), 'construction');
    form.append(serviceFieldName('sectors'), 'catering');
    form.set('form.smuggled', 'x');
    expect(readServiceForm(form, fields)).toEqual({
      employer: '某建筑公司',
      urgent: true,
      sectors: ['construction', 'catering'],
    });
  });

  it('reads an unticked box as false', () => {
    expect(readServiceForm(new FormData(), fields)).toEqual({ urgent: false });
  });
});
