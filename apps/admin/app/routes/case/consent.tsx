import { consentPurposeLabel, formatDate } from '@linju/i18n';
import {
  Button,
  CsrfField,
  IntentForm,
  SelectField,
  TextField,
  useLandingFormAction,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form } from 'react-router';
import { CaseSubmissionOutcome, failureIn, typedValue, useCasePage } from '../../components/case-page.tsx';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/consent';

const PURPOSES = ['feedback-contact', 'record-keeping'] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      'resident-consent': intent({
        fields: ['purpose', 'givenOn'],
        check: (values) => ({
          purpose: (PURPOSES as readonly string[]).includes(values.purpose)
            ? undefined
            : 'validation.required',
        }),
        errors: { fields: ['status'] },
        run: async (values) => {
          await caller.consent.create({
            caseId,
            purpose: values.purpose as (typeof PURPOSES)[number],
            ...(values.givenOn ? { givenOn: values.givenOn } : {}),
          });
        },
      }),
      'withdraw-consent': intent({
        errors: { fields: ['status'] },
        run: async (_values, { form }) => {
          await caller.consent.withdraw({ caseId, consentId: formText(form, 'consentId') });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'consent') },
  );
}

/** The resident's consents (授权): what they agreed to, withdrawing one, recording a new one. */
export default function CaseConsent({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { consents, can, today } = useCasePage();
  const failure = failureIn(actionData);
  const landing = useLandingFormAction();
  return (
    <>
      <CaseSubmissionOutcome failure={failure} />
      <section id="actions" aria-labelledby="consent-heading">
        <h2 id="consent-heading">{t('casePage.consents_heading')}</h2>
        {consents.length === 0 ? (
          <p className="admin-muted">{t('casePage.consents_none')}</p>
        ) : (
          <ul className="admin-list">
            {consents.map((k) => (
              <li key={k.id}>
                {consentPurposeLabel(locale, k.purpose)}
                {k.partnerOrganisationId
                  ? ` · ${locale === 'en' ? (k.partnerNameEn ?? '') : (k.partnerNameZh ?? '')}`
                  : ''}
                {' · '}
                {t('casePage.consent_given', { date: formatDate(locale, k.givenOn) })}
                {k.withdrawnOn ? (
                  ` · ${t('casePage.consent_withdrawn', { date: formatDate(locale, k.withdrawnOn) })}`
                ) : can.handle ? (
                  <Form method="post" action={landing} className="admin-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="withdraw-consent" />
                    <input type="hidden" name="consentId" value={k.id} />
                    <Button type="submit" variant="secondary">
                      {t('casePage.consent_withdraw')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {can.handle ? (
          <IntentForm
            intent="resident-consent"
            title={t('casePage.resident_consent')}
            submit={t('casePage.consent_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('purpose')}
                  label={t('casePage.consent_purpose')}
                  defaultValue={typedValue(failure, 'resident-consent', 'purpose', 'feedback-contact')}
                >
                  {PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {consentPurposeLabel(locale, p)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  {...f('givenOn')}
                  type="date"
                  label={t('casePage.consent_given_on')}
                  defaultValue={typedValue(failure, 'resident-consent', 'givenOn', today)}
                  className="admin-field--short"
                />
              </>
            )}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}
