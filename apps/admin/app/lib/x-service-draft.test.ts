import { describe, expect, it } from 'vitest';
import {
  draftRequest,
  editDraft,
  emptyField,
  parseOptions,
  readDraft,
  type XServiceDraft,
} from './x-service-draft.ts';

const posted = (entries: Record<string, string | string[]>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
};

const complete: Record<string, string | string[]> = {
  organisationId: '0b6c1f4e-5d6a-4f0e-9a43-6f1e2b7c8d90',
  titleZh: '租赁纠纷门诊',
  titleEn: 'Rent clinic',
  descriptionZh: '房屋租赁纠纷咨询',
  descriptionEn: 'Advice on rent disputes',
  deadlineWorkingDays: '7',
  team: ['6c1a3b2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d'],
  fieldCount: '2',
  'fields.0.type': 'text',
  'fields.0.labelZh': '房东',
  'fields.0.labelEn': 'Landlord',
  'fields.0.required': 'on',
  'fields.1.type': 'multiselect',
  'fields.1.labelZh': '问题',
  'fields.1.labelEn': 'Issue',
  'fields.1.options': '押金 / Deposit\n\n维修 / Repairs\n',
};

describe('the X service form builder', () => {
  it('reads a posted draft and turns it into the API request, fields and options numbered', () => {
    const result = draftRequest(readDraft(posted(complete)));
    expect(result).toEqual({
      request: {
        organisationId: complete.organisationId,
        title: { 'zh-CN': '租赁纠纷门诊', en: 'Rent clinic' },
        description: { 'zh-CN': '房屋租赁纠纷咨询', en: 'Advice on rent disputes' },
        deadlineWorkingDays: 7,
        team: complete.team,
        form: [
          { key: 'field1', type: 'text', label: { 'zh-CN': '房东', en: 'Landlord' }, required: true },
          {
            key: 'field2',
            type: 'multiselect',
            label: { 'zh-CN': '问题', en: 'Issue' },
            required: false,
            options: [
              { value: '1', label: { 'zh-CN': '押金', en: 'Deposit' } },
              { value: '2', label: { 'zh-CN': '维修', en: 'Repairs' } },
            ],
          },
        ],
      },
    });
  });

  it('adds and removes rows by submit buttons, so it works without JavaScript', () => {
    const draft = readDraft(posted(complete));
    const added = editDraft(draft, 'add-field');
    expect(added.fields).toHaveLength(3);
    expect(added.fields[2]).toEqual(emptyField());
    expect(editDraft(added, 'remove-field:0').fields.map((field) => field.labelZh)).toEqual(['问题', '']);
  });

  it('names every problem by the builder field it concerns', () => {
    const draft: XServiceDraft = {
      ...readDraft(posted(complete)),
      deadlineWorkingDays: '0',
      fields: [
        { ...emptyField(), labelZh: '甲', labelEn: 'A', type: 'select' },
        { ...emptyField(), labelZh: '', labelEn: 'B' },
      ],
    };
    expect(draftRequest(draft)).toEqual({
      errors: {
        deadlineWorkingDays: 'validation.out_of_range',
        'fields.0.options': 'form.options_required',
        'fields.1.labelZh': 'validation.required',
      },
    });
    expect(draftRequest({ ...draft, fields: [] })).toMatchObject({
      errors: { fieldCount: 'form.fields_required' },
    });
  });

  it('asks for Chinese only: no identifier to type, English taken from the Chinese when left empty', () => {
    const chineseOnly = readDraft(
      posted({
        ...complete,
        titleEn: '',
        descriptionEn: '',
        'fields.0.labelEn': '',
        'fields.1.labelEn': '',
        'fields.1.options': '押金\n维修',
      }),
    );
    const result = draftRequest(chineseOnly);
    expect(result).toMatchObject({
      request: {
        title: { 'zh-CN': '租赁纠纷门诊', en: '租赁纠纷门诊' },
        description: { 'zh-CN': '房屋租赁纠纷咨询', en: '房屋租赁纠纷咨询' },
        form: [
          { key: 'field1', label: { 'zh-CN': '房东', en: '房东' } },
          { key: 'field2', label: { 'zh-CN': '问题', en: '问题' } },
        ],
      },
    });
    expect(result).not.toHaveProperty('request.name');
  });

  it('reads options written with a full-width slash, and one language only', () => {
    expect(parseOptions('押金／Deposit\n维修')).toEqual([
      { value: '1', label: { 'zh-CN': '押金', en: 'Deposit' } },
      { value: '2', label: { 'zh-CN': '维修', en: '维修' } },
    ]);
  });
});
