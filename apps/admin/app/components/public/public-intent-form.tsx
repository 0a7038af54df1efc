import type { IntentFormComponent } from '@linju/plugin-sdk/admin';
import type { IntentFailure } from '@linju/ui';
import { useMemo } from 'react';
import { useBoundIntentForm } from '../bound-intent-form.tsx';
import { HoneypotField } from './honeypot-field.tsx';

/** The `IntentForm` of a public page: the admin's bound one, with the honeypot every public form carries. */
export function usePublicIntentForm(failure: IntentFailure | undefined): IntentFormComponent {
  const Bound = useBoundIntentForm(failure);
  return useMemo(
    () =>
      function PublicIntentForm({ children, ...props }) {
        return (
          <Bound {...props}>
            {(field) => (
              <>
                <HoneypotField />
                {children(field)}
              </>
            )}
          </Bound>
        );
      },
    [Bound],
  );
}
