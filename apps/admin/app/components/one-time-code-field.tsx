import { TextField } from '@linju/ui';

/**
 * The 6-digit code input of verification and setup: numeric keypad, one-time-code autofill. No
 * `pattern` or `maxLength`: people type "123 456", and the action strips the space.
 */
export function OneTimeCodeField({
  label,
  hint,
  error,
}: {
  label: string;
  hint: string;
  error: string | undefined;
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      required
      error={error}
      className="admin-code-field"
    />
  );
}
