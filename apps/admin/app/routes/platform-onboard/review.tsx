import { Button, brandPalette, useLocale, useTranslate } from '@linju/ui';
import type { OnboardingDraft, OnboardingStep } from '../../lib/onboarding.ts';
import { type NamedService, serviceName } from '../../lib/service-name.ts';
import { FIELD_LABELS, STEP_LABELS } from './wizard-labels.ts';

/** The last step: every answer once more, each step with its change button, before the district is created. */
export function Review({ draft, services }: { draft: OnboardingDraft; services: readonly NamedService[] }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows: { step: OnboardingStep; items: [keyof OnboardingDraft, string][] }[] = [
    {
      step: 'identity',
      items: (
        ['nameZh', 'nameEn', 'slug', 'divisionCode', 'timeZone', 'centreNameZh', 'centreNameEn'] as const
      ).map((name) => [name, draft[name]]),
    },
    { step: 'branding', items: [['colour', draft.colour]] },
    {
      step: 'admin',
      items: [
        ['adminDisplayName', draft.adminDisplayName],
        ['adminUsername', draft.adminUsername],
      ],
    },
    {
      step: 'services',
      items: [
        [
          'services',
          draft.services.length > 0
            ? draft.services
                .map((service) => serviceName(services, service, locale))
                .join(locale === 'en' ? ', ' : '、')
            : t('onboard.no_services'),
        ],
      ],
    },
  ];
  return (
    <>
      <p>{t('onboard.review_intro')}</p>
      {rows.map(({ step, items }) => (
        <section key={step} className="admin-review" aria-labelledby={`review-${step}`}>
          <div className="admin-review__head">
            <h2 id={`review-${step}`}>{t(STEP_LABELS[step])}</h2>
            <Button
              type="submit"
              name="intent"
              value={`edit:${step}`}
              variant="secondary"
              className="admin-button--small"
            >
              {t('onboard.change')}
              <span className="lj-visually-hidden"> {t(STEP_LABELS[step])}</span>
            </Button>
          </div>
          <dl className="admin-details admin-details--grid">
            {items.map(([name, value]) => (
              <div key={name} className="admin-details__row">
                <dt>{t(FIELD_LABELS[name])}</dt>
                <dd>
                  {name === 'colour' ? (
                    <>
                      <span
                        className="admin-swatch"
                        style={{ background: brandPalette(value).background }}
                        aria-hidden="true"
                      />{' '}
                      <code>{value}</code>
                    </>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
