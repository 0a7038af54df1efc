import type { IntentFormComponent } from '@linju/plugin-sdk/admin';
import { type IntentFailure, IntentForm } from '@linju/ui';
import { useMemo } from 'react';

/**
 * The `IntentForm` a plugin's screen is handed: the admin's own, bound to the page's refused
 * submission (its fields give back what was typed there).
 */
export function useBoundIntentForm(failure: IntentFailure | undefined): IntentFormComponent {
  return useMemo(
    () =>
      function BoundIntentForm({ children, hidden, ...props }) {
        return (
          <IntentForm {...props} {...(hidden ? { hidden: { ...hidden } } : {})} failure={failure}>
            {(field) => children((name) => ({ defaultValue: undefined, ...field(name) }))}
          </IntentForm>
        );
      },
    [failure],
  );
}
