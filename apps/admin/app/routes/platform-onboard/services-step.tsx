import { Checkbox, Fieldset, useLocale, useTranslate } from '@linju/ui';
import type { OnboardingDraft } from '../../lib/onboarding.ts';
import type { NamedService } from '../../lib/service-name.ts';
import { FIELD_LABELS } from './wizard-labels.ts';

/** The services step: which installed core services the new district starts with. */
export function ServicesStep({
  draft,
  services,
  error,
}: {
  draft: OnboardingDraft;
  services: readonly NamedService[];
  error: string | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <Fieldset id="services" legend={t(FIELD_LABELS.services)} hint={t('onboard.services_hint')} error={error}>
      {services.map((service) => (
        <Checkbox
          key={service.id}
          id={`service-${service.id}`}
          name="services"
          value={service.id}
          label={service.name[locale]}
          defaultChecked={draft.services.includes(service.id)}
        />
      ))}
    </Fieldset>
  );
}
