import {
  Button,
  Checkbox,
  FormProblems,
  type IntentFailure,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { useFieldError } from '../../components/form-errors.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { organisationOptions } from '../../lib/organisation-rules.ts';
import type { Route } from '../+types/questionnaire';

type Questionnaire = Route.ComponentProps['loaderData'];

/** Sending the questionnaire: a round's dates, the unit and month whose cases get codes, and a public link. */
export function SendRound({
  units,
  today,
  month,
  failure,
}: Pick<Questionnaire, 'units' | 'today' | 'month'> & { failure: IntentFailure | undefined }) {
  const t = useTranslate();
  const locale = useLocale();
  const error = useFieldError(failure?.errors);
  return (
    <section aria-labelledby="send-heading">
      <h2 id="send-heading">{t('questionnaires.send')}</h2>
      <p>{t('questionnaires.send_intro')}</p>
      <FormProblems errors={failure?.errors} />
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="open" />
        <TextField
          name="opensOn"
          type="date"
          label={t('questionnaires.opens_on')}
          defaultValue={failure?.values.opensOn ?? today}
          error={error('opensOn')}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('questionnaires.closes_on')}
          defaultValue={failure?.values.closesOn ?? ''}
          error={error('closesOn')}
        />
        <OrganisationSelect
          name="audienceOrganisationId"
          label={t('questionnaires.audience_unit')}
          hint={t('questionnaires.audience_hint')}
          placeholder={t('questionnaires.audience_none')}
          options={organisationOptions(units, locale)}
          defaultValue={failure?.values.audienceOrganisationId ?? ''}
          error={error('audienceOrganisationId')}
        />
        <TextField
          name="month"
          type="month"
          label={t('questionnaires.audience_month')}
          defaultValue={failure?.values.month ?? month}
          error={error('month')}
        />
        <Checkbox
          name="publicLink"
          label={t('questionnaires.public_link_on')}
          defaultChecked={failure ? failure.values.publicLink === 'on' : true}
        />
        {error('publicLink') ? <p className="lj-field__error">{error('publicLink')}</p> : null}
        <Button type="submit">{t('questionnaires.send_submit')}</Button>
      </Form>
    </section>
  );
}
