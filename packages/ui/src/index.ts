export { Alert, type AlertProps } from './alert.tsx';
export { AppShell, type AppShellProps } from './app-shell.tsx';
export {
  type BrandPalette,
  brandPalette,
  contrastRatio,
  DEFAULT_BRAND_COLOUR,
  parseHexColour,
  type Rgb,
  relativeLuminance,
} from './brand-colours.ts';
export { Button, type ButtonProps } from './button.tsx';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './error-summary.tsx';
export { LocaleProvider, useLocale, useTranslate } from './locale-context.tsx';
export { TextField, type TextFieldProps } from './text-field.tsx';
