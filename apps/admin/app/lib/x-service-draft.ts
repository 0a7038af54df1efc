import type { MessageKey } from '@linju/i18n';

/** The field types a declarative X service form offers (the plugin SDK's `FORM_FIELD_TYPES`). */
export const DRAFT_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'checkbox',
  'select',
  'multiselect',
  'file',
] as const;
export type DraftFieldType = (typeof DRAFT_FIELD_TYPES)[number];
const CHOICE_TYPES: readonly string[] = ['select', 'multiselect'];

/**
 * One row of the form builder, as typed: every value a string, so a failed post fills it again.
 * Nobody types an identifier: a field's key is its place (`field1`, `field2`…), given when the
 * service is saved, and English labels are optional (the Chinese stands in for them).
 */
export interface DraftField {
  type: string;
  labelZh: string;
  labelEn: string;
  required: boolean;
  /** One option a line: `中文 / English`. */
  options: string;
}

/** The whole builder as typed. */
export interface XServiceDraft {
  organisationId: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  deadlineWorkingDays: string;
  team: string[];
  fields: DraftField[];
}

export const MAX_DRAFT_FIELDS = 40;
/** The builder's one-value fields, as posted. */
export const DRAFT_SCALARS = [
  'organisationId',
  'titleZh',
  'titleEn',
  'descriptionZh',
  'descriptionEn',
  'deadlineWorkingDays',
] as const;

export const emptyField = (): DraftField => ({
  type: 'text',
  labelZh: '',
  labelEn: '',
  required: false,
  options: '',
});

/**
 * Reads the builder from a posted form. Fields travel as `fields.<n>.<part>` with `fieldCount`, so
 * the page works without JavaScript: "add a field" and "remove" are submit buttons that post the
 * whole draft and get it back with one row more or less.
 */
export function readDraft(form: FormData): XServiceDraft {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const count = Math.min(Math.max(Number.parseInt(text('fieldCount'), 10) || 0, 0), MAX_DRAFT_FIELDS);
  const fields: DraftField[] = [];
  for (let n = 0; n < count; n++) {
    fields.push({
      type: text(`fields.${n}.type`) || 'text',
      labelZh: text(`fields.${n}.labelZh`).trim(),
      labelEn: text(`fields.${n}.labelEn`).trim(),
      required: text(`fields.${n}.required`) === 'on',
      options: text(`fields.${n}.options`),
    });
  }
  const scalars = Object.fromEntries(DRAFT_SCALARS.map((key) => [key, text(key).trim()])) as Record<
    (typeof DRAFT_SCALARS)[number],
    string
  >;
  return {
    ...scalars,
    team: form.getAll('team').filter((value): value is string => typeof value === 'string' && value !== ''),
    fields,
  };
}

/** The parts of one row of the builder that can be refused. */
export const DRAFT_ROW_PARTS = ['type', 'labelZh', 'labelEn', 'options'] as const;

/** Every field of the builder that can be refused, for mapping the API's errors (`fields.2.labelZh` for each row). */
export const draftFieldNames = (draft: XServiceDraft) => [
  ...DRAFT_SCALARS,
  'team',
  'fieldCount',
  ...draft.fields.flatMap((_, n) => DRAFT_ROW_PARTS.map((part) => `fields.${n}.${part}`)),
];

/** The API's paths (`title.zh-CN`, `form.2.label.en`) → the builder's field names. */
export function draftFieldForPath(draft: XServiceDraft): Record<string, string> {
  const map: Record<string, string> = {
    // The id is made from the Chinese name: a name already in use is refused there.
    name: 'titleZh',
    'title.zh-CN': 'titleZh',
    'title.en': 'titleEn',
    'description.zh-CN': 'descriptionZh',
    'description.en': 'descriptionEn',
    form: 'fieldCount',
  };
  draft.fields.forEach((_, n) => {
    map[`form.${n}.type`] = `fields.${n}.type`;
    map[`form.${n}.label.zh-CN`] = `fields.${n}.labelZh`;
    map[`form.${n}.label.en`] = `fields.${n}.labelEn`;
    map[`form.${n}.options`] = `fields.${n}.options`;
  });
  return map;
}

/** The draft after an "add a field" or "remove field n" button. */
export function editDraft(draft: XServiceDraft, intent: string): XServiceDraft {
  if (intent === 'add-field' && draft.fields.length < MAX_DRAFT_FIELDS)
    return { ...draft, fields: [...draft.fields, emptyField()] };
  const removed = /^remove-field:(\d+)$/.exec(intent);
  if (removed) return { ...draft, fields: draft.fields.filter((_, n) => n !== Number(removed[1])) };
  return draft;
}

/** `中文 / English` lines → options with generated values (`1`, `2`, …), blank lines skipped. */
export function parseOptions(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, n) => {
      const [zh = '', en = ''] = line.split(/\s+\/\s+|\s*／\s*/);
      return { value: String(n + 1), label: { 'zh-CN': zh.trim(), en: (en || zh).trim() } };
    });
}

export type DraftErrors = Record<string, MessageKey>;

/**
 * The API request for a draft, or the errors a person can fix before it is sent (named by the
 * builder's field names, `fields.2.labelZh`). The server checks everything again.
 */
export function draftRequest(draft: XServiceDraft): { request: XServiceRequest } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const required = (name: string, value: string) => {
    if (!value) errors[name] = 'validation.required';
  };
  required('organisationId', draft.organisationId);
  required('titleZh', draft.titleZh);
  required('descriptionZh', draft.descriptionZh);
  const days = /^\d{1,3}$/.test(draft.deadlineWorkingDays) ? Number(draft.deadlineWorkingDays) : Number.NaN;
  if (!draft.deadlineWorkingDays) errors.deadlineWorkingDays = 'validation.required';
  else if (!(days >= 1 && days <= 120)) errors.deadlineWorkingDays = 'validation.out_of_range';
  if (draft.fields.length === 0) errors.fieldCount = 'form.fields_required';
  draft.fields.forEach((field, n) => {
    const at = (part: string) => `fields.${n}.${part}`;
    required(at('labelZh'), field.labelZh);
    if (!(DRAFT_FIELD_TYPES as readonly string[]).includes(field.type))
      errors[at('type')] = 'validation.required';
    if (CHOICE_TYPES.includes(field.type) && parseOptions(field.options).length === 0)
      errors[at('options')] = 'form.options_required';
  });
  if (Object.keys(errors).length > 0) return { errors };
  // The service's id is made by the server from its Chinese name; English falls back to Chinese.
  const bilingual = (zh: string, en: string) => ({ 'zh-CN': zh, en: en || zh });
  return {
    request: {
      organisationId: draft.organisationId,
      title: bilingual(draft.titleZh, draft.titleEn),
      description: bilingual(draft.descriptionZh, draft.descriptionEn),
      deadlineWorkingDays: days,
      team: draft.team,
      form: draft.fields.map((field, n) => ({
        key: `field${n + 1}`,
        type: field.type as DraftFieldType,
        label: bilingual(field.labelZh, field.labelEn),
        required: field.required,
        ...(CHOICE_TYPES.includes(field.type) ? { options: parseOptions(field.options) } : {}),
      })),
    },
  };
}

/** What `xService.create` takes. */
export interface XServiceRequest {
  organisationId: string;
  title: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  deadlineWorkingDays: number;
  team: string[];
  form: {
    key: string;
    type: DraftFieldType;
    label: { 'zh-CN': string; en: string };
    required: boolean;
    options?: { value: string; label: { 'zh-CN': string; en: string } }[];
  }[];
}
