export { Alert, type AlertProps } from './alert.tsx';
export { AppShell, type AppShellProps } from './app-shell.tsx';
export {
  type AssigneeChoice,
  AssigneeFields,
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
export { ConfirmStep, confirmationOf, type IntentConfirmation } from './confirm-step.tsx';
export { CsrfField, CsrfProvider } from './csrf.tsx';
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
export { TextArea, type TextAreaProps } from './text-area.tsx';
export { TextField, type TextFieldProps } from './text-field.tsx';
