import { type Locale, type MessageKey, type MessageParams, roleLabel } from '@linju/i18n';
import { Alert } from './alert.tsx';
import { type Choice, distinctLabels } from './choice-match.ts';
import { ChoicePicker } from './choice-picker.tsx';
import { useLocale, useTranslate } from './locale-context.tsx';
import { SelectField } from './select-field.tsx';
import { TextArea } from './text-area.tsx';

/** Someone a case may be assigned to, as the platform lists them: active provider records only. */
export interface AssigneeChoice {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly providerRecords: { readonly negativeListed: boolean; readonly misconduct: number };
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const hasProviderRecords = (flags: AssigneeChoice['providerRecords']) =>
  flags.negativeListed || flags.misconduct > 0;

/**
 * Beside a name to assign: on the negative list, or how many active misconduct records — so whoever
 * assigns sees it before choosing (the platform refuses a listed person without a reason anyway).
 */
export const providerMark = (t: Translate, flags: AssigneeChoice['providerRecords']) =>
  [
    flags.negativeListed ? t('casePage.provider_negative_listed') : null,
    flags.misconduct > 0 ? t('casePage.provider_misconduct', { count: flags.misconduct }) : null,
  ]
    .filter(Boolean)
    .map((mark) => ` · ${mark}`)
    .join('');

/** What tells a candidate apart: roles, then provider records. */
const candidateDetail = (t: Translate, locale: Locale, p: AssigneeChoice) =>
  `${p.roles.map((role) => roleLabel(locale, role)).join('、')}${providerMark(t, p.providerRecords)}`;

/**
 * The candidates for a `ChoicePicker`: each named, told apart by roles and provider records; the
 * host's action resolves a typed name against the same list.
 */
export const assigneeChoices = (
  t: Translate,
  locale: Locale,
  candidates: readonly AssigneeChoice[],
): Choice[] =>
  distinctLabels(
    candidates.map((p) => ({
      id: p.id,
      label: p.displayName,
      detail: candidateDetail(t, locale, p),
    })),
  );

/** A field of the assigning form, as `IntentForm` hands it, with what was typed when it came back. */
type AssignField = (name: 'assigneeId' | 'conflictReason' | 'negativeListReason') => {
  name: string;
  id: string;
  error: string | undefined;
  defaultValue?: string | undefined;
};

/**
 * The fields of assigning a case (指派): the candidates with their roles and provider records beside
 * each name, a warning listing those with records, and the reason the platform asks for once it
 * refused a conflict of interest or a negative-listed person without one (kept when it was typed).
 * The case page and a service's own page (legal aid) assign with the same fields.
 */
export function AssigneeFields({
  field,
  candidates,
  label,
  searchable = false,
}: {
  field: AssignField;
  candidates: readonly AssigneeChoice[];
  /** The select's label: who the service calls its assignee. */
  label: string;
  /**
   * A searchable picker instead of a select, for a host whose action resolves a typed name
   * (`resolvePostedChoice` over `assigneeChoices`), as it arrives without JavaScript.
   */
  searchable?: boolean;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const marked = candidates.filter((p) => hasProviderRecords(p.providerRecords));
  const asksReason = (name: 'conflictReason' | 'negativeListReason') =>
    Boolean(field(name).error || field(name).defaultValue);
  return (
    <>
      {searchable ? (
        <ChoicePicker
          {...field('assigneeId')}
          label={label}
          choices={assigneeChoices(t, locale, candidates)}
        />
      ) : (
        <SelectField {...field('assigneeId')} label={label}>
          <option value="">—</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.displayName} · ${candidateDetail(t, locale, p)}`}
            </option>
          ))}
        </SelectField>
      )}
      {marked.length > 0 ? (
        <Alert tone="warning">
          <p>{t('casePage.provider_records_warning')}</p>
          <ul aria-label={t('casePage.marked_candidates')}>
            {marked.map((p) => (
              <li key={p.id}>
                {p.displayName}
                {providerMark(t, p.providerRecords)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {asksReason('conflictReason') ? (
        <TextArea {...field('conflictReason')} label={t('casePage.conflict_reason')} rows={3} />
      ) : null}
      {asksReason('negativeListReason') ? (
        <TextArea {...field('negativeListReason')} label={t('casePage.negative_list_reason')} rows={3} />
      ) : null}
    </>
  );
}
