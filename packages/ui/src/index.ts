export { Alert, type AlertProps } from './alert.tsx';
export { AppShell, type AppShellProps } from './app-shell.tsx';
export {
  type AssigneeChoice,
  AssigneeFields,
  assigneeChoices,
  hasProviderRecords,
  providerMark,
} from './assignee-fields.tsx';
export {
  type BrandPalette,
  brandPalette,
  contrastRatio,
  DEFAULT_BRAND_COLOUR,
  parseHexColour,
  type Rgb,
  relativeLuminance,
} from './brand-colours.ts';
export { Breadcrumbs, type Crumb } from './breadcrumbs.tsx';
export { Button, type ButtonProps } from './button.tsx';
export { Checkbox, type CheckboxProps } from './checkbox.tsx';
export {
  type Choice,
  distinctLabels,
  matchingChoices,
  type ResolvedChoice,
  resolveChoice,
  resolvePostedChoice,
} from './choice-match.ts';
export { ChoicePicker, type ChoicePickerProps } from './choice-picker.tsx';
export { CitedText, type CitedTextProps, type MarkedCitation, statuteArticleHref } from './cited-text.tsx';
export { ConfirmStep, confirmationOf, type IntentConfirmation } from './confirm-step.tsx';
export { CsrfField, CsrfProvider } from './csrf.tsx';
export { type DataColumn, DataTable, type DataTableProps, type ViewLink } from './data-table.tsx';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './error-summary.tsx';
export { Fieldset, type FieldsetProps } from './fieldset.tsx';
export { type FormErrors, FormProblems } from './form-errors.tsx';
export {
  FormLanding,
  failureOf,
  type IntentFailure,
  type IntentField,
  IntentForm,
  type IntentFormProps,
  useLandingFormAction,
} from './intent-form.tsx';
export { LocaleProvider, useLocale, useTranslate } from './locale-context.tsx';
export { SelectField, type SelectFieldProps } from './select-field.tsx';
export { SubmitButton } from './submit-button.tsx';
export {
  changedView,
  PAGE_SIZES,
  type PageSize,
  pageCount,
  pageNumbers,
  pageOf,
  readTableView,
  type TableChange,
  type TableView,
  tableCells,
  tableViewParams,
} from './table-view.ts';
export { TextArea, type TextAreaProps } from './text-area.tsx';
export { TextField, type TextFieldProps } from './text-field.tsx';
