import { describe, expect, it } from 'vitest';
import {
  MAX_UPLOAD_BYTES,
  readServiceForm,
  readServiceUploads,
  type ServiceFormField,
  serviceFieldName,
} from './service-form.ts';

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

  it('reads a number field as a number, and leaves what is not one as text for the schema to name', () => {
    const form = new FormData();
    form.set(serviceFieldName('months'), ' 4 ');
    expect(readServiceForm(form, fields)).toMatchObject({ months: 4 });
    form.set(serviceFieldName('months'), '四个月');
    expect(readServiceForm(form, fields)).toMatchObject({ months: '四个月' });
  });

  it('reads an unticked box as false', () => {
    expect(readServiceForm(new FormData(), fields)).toEqual({ urgent: false });
  });
});

describe('files posted for the file fields of a service form', () => {
  const withFile: ServiceFormField[] = [
    { key: 'need', label, type: 'text', required: true },
    { key: 'certificate', label, type: 'file', required: true },
    { key: 'photo', label, type: 'file', required: false },
  ];

  it('go to the API base64-encoded with their name and type, and never into the typed values', async () => {
    const form = new FormData();
    form.set(serviceFieldName('need'), '就业帮扶');
    form.set(
      serviceFieldName('certificate'),
      new File(['%PDF-1.4 释放证明'], '释放证明.pdf', { type: 'application/pdf' }),
    );
    expect(readServiceForm(form, withFile)).toEqual({ need: '就业帮扶' });
    const { files, tooLarge } = await readServiceUploads(form, withFile);
    expect(tooLarge).toEqual([]);
    expect(Object.keys(files)).toEqual(['certificate']);
    expect(files.certificate).toMatchObject({ fileName: '释放证明.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(files.certificate?.contentBase64 ?? '', 'base64').toString()).toBe(
      '%PDF-1.4 释放证明',
    );
  });

  it('leave out a field with no file chosen (an empty part), so the schema names a required one', async () => {
    const form = new FormData();
    form.set(serviceFieldName('certificate'), new File([], '', { type: 'application/octet-stream' }));
    expect(await readServiceUploads(form, withFile)).toEqual({ files: {}, tooLarge: [] });
  });

  it('name a file over 1 MiB instead of reading it', async () => {
    const form = new FormData();
    form.set(
      serviceFieldName('photo'),
      new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'big.png', { type: 'image/png' }),
    );
    expect(await readServiceUploads(form, withFile)).toEqual({ files: {}, tooLarge: ['photo'] });
  });
});
