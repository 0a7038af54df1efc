import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildForm, describeForm, formDescriptionSchema } from './form-description.ts';
import { field } from './intake-field.ts';

const form = z.object({
  topic: field(z.string().trim().min(2).max(200), { label: { 'zh-CN': '主题', en: 'Topic' } }),
  question: field(z.string().max(4000).optional(), { label: { 'zh-CN': '问题', en: 'Question' } }),
  channel: field(z.enum(['walk-in', 'hotline']), {
    label: { 'zh-CN': '渠道', en: 'Channel' },
    options: { 'walk-in': { 'zh-CN': '来访', en: 'Walk-in' }, hotline: { 'zh-CN': '热线', en: 'Hotline' } },
  }),
  incidentDate: field(z.iso.date().optional(), { label: { 'zh-CN': '日期', en: 'Date' } }),
  urgent: field(z.boolean().default(false), { label: { 'zh-CN': '加急', en: 'Urgent' } }),
});

describe('form descriptions', () => {
  it('describe a plugin form field by field, as the admin app renders it', () => {
    expect(describeForm(form)).toEqual([
      { key: 'topic', label: { 'zh-CN': '主题', en: 'Topic' }, type: 'text', required: true },
      { key: 'question', label: { 'zh-CN': '问题', en: 'Question' }, type: 'textarea', required: false },
      {
        key: 'channel',
        label: { 'zh-CN': '渠道', en: 'Channel' },
        type: 'select',
        required: true,
        options: [
          { value: 'walk-in', label: { 'zh-CN': '来访', en: 'Walk-in' } },
          { value: 'hotline', label: { 'zh-CN': '热线', en: 'Hotline' } },
        ],
      },
      { key: 'incidentDate', label: { 'zh-CN': '日期', en: 'Date' }, type: 'date', required: false },
      { key: 'urgent', label: { 'zh-CN': '加急', en: 'Urgent' }, type: 'checkbox', required: false },
    ]);
  });

  it('build back into a schema that validates what a street office defined', () => {
    const fields = formDescriptionSchema.parse([
      { key: 'employer', label: { 'zh-CN': '用人单位', en: 'Employer' }, type: 'text', required: true },
      { key: 'months', label: { 'zh-CN': '欠薪月数', en: 'Months unpaid' }, type: 'number' },
      {
        key: 'sector',
        label: { 'zh-CN': '行业', en: 'Sector' },
        type: 'select',
        required: true,
        options: [{ value: 'construction', label: { 'zh-CN': '建筑', en: 'Construction' } }],
      },
    ]);
    const schema = buildForm(fields);
    expect(schema.parse({ employer: '某建筑公司', months: '3', sector: 'construction' })).toEqual({
      employer: '某建筑公司',
      months: 3,
      sector: 'construction',
    });
    const bad = schema.safeParse({ employer: '', sector: 'farming' });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['employer', 'sector']);
  });

  it('refuse a select without options and a key used twice', () => {
    const noOptions = formDescriptionSchema.safeParse([
      { key: 'a', label: { 'zh-CN': '甲', en: 'A' }, type: 'select' },
    ]);
    expect(noOptions.error?.issues[0]?.message).toBe('form.options_required');
    const twice = formDescriptionSchema.safeParse([
      { key: 'a', label: { 'zh-CN': '甲', en: 'A' }, type: 'text' },
      { key: 'a', label: { 'zh-CN': '乙', en: 'B' }, type: 'text' },
    ]);
    expect(twice.error?.issues[0]?.message).toBe('form.key_duplicate');
  });
});
