import type { MessageKey } from '@linju/i18n';
import { Button, Checkbox, SelectField, TextArea, TextField, useTranslate } from '@linju/ui';
import { DRAFT_FIELD_TYPES, type DraftField } from '../../lib/x-service-draft.ts';

const TYPE_LABELS: Readonly<Record<string, MessageKey>> = {
  text: 'xService.type_text',
  textarea: 'xService.type_textarea',
  number: 'xService.type_number',
  date: 'xService.type_date',
  checkbox: 'xService.type_checkbox',
  select: 'xService.type_select',
  multiselect: 'xService.type_multiselect',
  file: 'xService.type_file',
};

export const PART_LABELS = {
  type: 'xService.field_type',
  labelZh: 'xService.field_label_zh',
  labelEn: 'xService.field_label_en',
  options: 'xService.field_options',
} as const satisfies Record<string, MessageKey>;

/** One field of the intake form being built: its labels, type, options, whether required, and its remove button. */
export function BuilderRow({
  field,
  n,
  error,
  autoFocus,
  canRemove,
}: {
  field: DraftField;
  n: number;
  error: (name: string) => string | undefined;
  autoFocus: boolean;
  canRemove: boolean;
}) {
  const t = useTranslate();
  const name = (part: string) => `fields.${n}.${part}`;
  const id = (part: string) => `x-fields-${n}-${part}`;
  return (
    <li className="admin-builder__field">
      <h3 className="admin-builder__field-title">{t('xService.field_n', { n: String(n + 1) })}</h3>
      <div className="admin-field-row">
        <TextField
          id={id('labelZh')}
          name={name('labelZh')}
          label={t('xService.field_label_zh')}
          defaultValue={field.labelZh}
          error={error(name('labelZh'))}
          // Moves the focus to the row the person just added.
          autoFocus={autoFocus}
          lang="zh-CN"
          required
        />
        <TextField
          id={id('labelEn')}
          name={name('labelEn')}
          label={t('xService.field_label_en')}
          defaultValue={field.labelEn}
          error={error(name('labelEn'))}
          lang="en"
        />
      </div>
      <div className="admin-field-row">
        <SelectField
          id={id('type')}
          name={name('type')}
          label={t('xService.field_type')}
          defaultValue={field.type}
          error={error(name('type'))}
        >
          {DRAFT_FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(TYPE_LABELS[type] ?? 'xService.type_text')}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea
        id={id('options')}
        name={name('options')}
        label={t('xService.field_options')}
        hint={t('xService.field_options_hint')}
        defaultValue={field.options}
        error={error(name('options'))}
        rows={3}
      />
      <div className="admin-action-row">
        <Checkbox
          id={id('required')}
          name={name('required')}
          label={t('xService.field_required')}
          defaultChecked={field.required}
        />
        {canRemove ? (
          <Button
            type="submit"
            name="intent"
            value={`remove-field:${n}`}
            variant="quiet"
            className="admin-button--small"
            aria-label={t('xService.remove_field_n', { n: String(n + 1) })}
          >
            {t('xService.remove_field')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
