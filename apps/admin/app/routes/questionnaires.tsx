import { formatDate, formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { QuestionnaireEditor } from '../components/questionnaire-editor.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { questionFieldMapping, questionsOfForm, typedQuestions } from '../lib/questionnaire-form.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/questionnaires';

/** Question rows a new questionnaire starts with. */
const NEW_SLOTS = 5;

/** 问卷调查: the questionnaires of the units one may read, and a new one for a unit one manages. */
export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations
    .filter((o) => isOpenNetworkUnit(o))
    .filter((o) => allowsOn(grants, 'questionnaire.manage', o.id, parents))
    .map(organisationRow);
  return { questionnaires: await load(caller.questionnaire.getMany()), units };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const slots = Math.min(Number(formText(form, 'slots')) || NEW_SLOTS, 80);
  const drafts = questionsOfForm(form, slots);
  const values = {
    organisationId: formText(form, 'organisationId'),
    title: formText(form, 'title'),
    intro: formText(form, 'intro'),
  };
  try {
    const created = await caller.questionnaire.create({ ...values, questions: drafts.map((d) => d.draft) });
    return redirect(tenantPaths.questionnaire(slug, created.id));
  } catch (error) {
    return rejectIntentApiError('create', error, questionFieldMapping(drafts, ['organisationId', 'title']), {
      ...values,
      questions: JSON.stringify(typedQuestions(drafts)),
    });
  }
}

export default function Questionnaires({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { questionnaires, units } = loaderData;
  const failure = failureOf(actionData, 'create');
  const error = (name: string) => {
    const key = failure?.errors.fields[name];
    return key && isMessageKey(key) ? t(key, failure?.errors.params) : undefined;
  };
  const formError = failure?.errors.form[0];
  return (
    <>
      <DocumentTitle title={t('questionnaires.title')} tenant={tenant} />
      <h1>{t('questionnaires.title')}</h1>
      <p className="admin-lead">{t('questionnaires.intro')}</p>
      <p>
        <Link to={tenantPaths.assessments(tenant.slug)}>{t('assessments.title')}</Link>
      </p>
      {questionnaires.length === 0 ? (
        <p>{t('questionnaires.none')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption className="lj-visually-hidden">{t('questionnaires.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('questionnaires.col_title')}</th>
                <th scope="col">{t('questionnaires.col_unit')}</th>
                <th scope="col">{t('questionnaires.col_status')}</th>
                <th scope="col">{t('questionnaires.col_rounds')}</th>
                <th scope="col">{t('questionnaires.col_responses')}</th>
              </tr>
            </thead>
            <tbody>
              {questionnaires.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link to={tenantPaths.questionnaire(tenant.slug, q.id)}>
                      {t('questionnaires.title_version', { title: q.title, version: q.version })}
                    </Link>
                  </th>
                  <td>{locale === 'en' ? q.organisationNameEn : q.organisationNameZh}</td>
                  <td>
                    {q.frozenAt
                      ? t('questionnaires.status_sent', { date: formatDate(locale, q.frozenAt) })
                      : t('questionnaires.status_draft')}
                  </td>
                  <td>{formatNumber(locale, q.rounds)}</td>
                  <td>{formatNumber(locale, q.responses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {units.length > 0 ? (
        <section aria-labelledby="new-questionnaire">
          <h2 id="new-questionnaire">{t('questionnaires.new')}</h2>
          {formError && isMessageKey(formError) ? (
            <Alert tone="error">{t(formError, failure?.errors.params)}</Alert>
          ) : null}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <OrganisationSelect
              name="organisationId"
              label={t('questionnaires.unit')}
              options={organisationOptions(units, locale)}
              defaultValue={failure?.values.organisationId ?? units[0]?.id}
              error={error('organisationId')}
            />
            <QuestionnaireEditor
              values={{
                title: failure?.values.title ?? '',
                intro: failure?.values.intro ?? '',
                questions: failure?.values.questions ? JSON.parse(failure.values.questions) : [],
              }}
              slots={NEW_SLOTS}
              error={error}
            />
            <Button type="submit">{t('questionnaires.create')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
