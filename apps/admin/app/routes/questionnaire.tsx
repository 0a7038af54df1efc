import { formatDate } from '@linju/i18n';
import { Button, FormProblems, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { useFieldError } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { QuestionnaireEditor } from '../components/questionnaire-editor.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { formText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import {
  questionFieldMapping,
  questionsOfForm,
  SPARE_SLOTS,
  typedQuestions,
} from '../lib/questionnaire-form.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/questionnaire';
import { RoundOpened } from './questionnaire/round-opened.tsx';
import { Rounds } from './questionnaire/rounds.tsx';
import { SendRound } from './questionnaire/send-round.tsx';

/** The previous month, `YYYY-MM`: the usual audience of a satisfaction round. */
function previousMonth(today: string) {
  const [y = 2000, m = 1] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const questionnaire = await load(caller.questionnaire.get({ id: params.id }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const units = organisations
    .filter((o) => isOpenNetworkUnit(o))
    .filter((o) => allowsOn(grants, 'questionnaire.manage', o.id, parents))
    .map(organisationRow);
  const today = todayIn();
  return {
    questionnaire,
    units,
    canManage: allowsOn(grants, 'questionnaire.manage', questionnaire.organisationId, parents),
    today,
    month: previousMonth(today),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      revise: intent({
        run: async () => {
          const next = await caller.questionnaire.revise({ id: params.id });
          return redirect(tenantPaths.questionnaire(slug, next.id));
        },
      }),
      open: intent({
        fields: ['opensOn', 'closesOn', 'audienceOrganisationId', 'month', 'publicLink'],
        errors: {
          fieldForPath: { 'audience.month': 'month', 'audience.organisationId': 'audienceOrganisationId' },
        },
        run: async (values) => {
          const opened = await caller.questionnaire.round.open({
            questionnaireId: params.id,
            opensOn: values.opensOn,
            closesOn: values.closesOn,
            audience: values.audienceOrganisationId
              ? { organisationId: values.audienceOrganisationId, month: values.month }
              : null,
            publicLink: values.publicLink === 'on',
          });
          // The codes are shown this once: only their hashes are kept.
          return { opened };
        },
      }),
      update: intent({
        fields: ['title', 'intro'],
        run: async (values, { form }) => {
          const slots = Math.min(Number(formText(form, 'slots')) || 1, 80);
          const drafts = questionsOfForm(form, slots);
          try {
            await caller.questionnaire.update({
              id: params.id,
              data: { ...values, questions: drafts.map((d) => d.draft) },
            });
          } catch (error) {
            // The refusal names a written question by its place among the written ones, and the
            // form comes back with them: both depend on the rows posted, so this form maps its own.
            return rejectIntentApiError('update', error, questionFieldMapping(drafts, ['title'], 'data'), {
              ...values,
              questions: JSON.stringify(typedQuestions(drafts)),
            });
          }
          return redirect(`${tenantPaths.questionnaire(slug, params.id)}?saved=1`);
        },
      }),
    },
    { done: () => tenantPaths.questionnaire(slug, params.id) },
  );
}

export default function Questionnaire({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { questionnaire: q, units, canManage, today, month } = loaderData;
  const opened = actionData && 'opened' in actionData ? actionData.opened : undefined;
  const update = failureOf(actionData, 'update');
  const updateError = useFieldError(update?.errors);
  return (
    <>
      <DocumentTitle title={q.title} tenant={tenant} />
      <p>
        <Link to={tenantPaths.questionnaires(tenant.slug)}>{t('questionnaires.title')}</Link>
      </p>
      <h1>{t('questionnaires.title_version', { title: q.title, version: q.version })}</h1>
      <p>
        {q.frozenAt
          ? t('questionnaires.status_sent', { date: formatDate(locale, q.frozenAt) })
          : t('questionnaires.status_draft')}
        {q.nextVersionId ? (
          <>
            {' '}
            <Link to={tenantPaths.questionnaire(tenant.slug, q.nextVersionId)}>
              {t('questionnaires.newer_version')}
            </Link>
          </>
        ) : null}
      </p>
      {q.intro ? <p>{q.intro}</p> : null}
      {opened ? <RoundOpened opened={opened} /> : null}
      <Rounds rounds={q.rounds} />
      {canManage && !q.nextVersionId ? (
        <SendRound units={units} today={today} month={month} failure={failureOf(actionData, 'open')} />
      ) : null}
      {canManage && q.frozenAt && !q.nextVersionId ? (
        <Form method="post" className="lj-form">
          <CsrfField />
          <input type="hidden" name="intent" value="revise" />
          <FormProblems errors={failureOf(actionData, 'revise')?.errors} />
          <p>{t('questionnaires.frozen_hint')}</p>
          <Button type="submit" variant="secondary">
            {t('questionnaires.revise')}
          </Button>
        </Form>
      ) : null}
      {canManage && !q.frozenAt ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('questionnaires.edit')}</h2>
          <FormProblems errors={update?.errors} />
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="update" />
            <QuestionnaireEditor
              values={{
                title: update?.values.title ?? q.title,
                intro: update?.values.intro ?? q.intro,
                questions: update?.values.questions
                  ? JSON.parse(update.values.questions)
                  : q.questions.map((x) => ({
                      kind: x.kind,
                      text: x.text,
                      required: x.required,
                      options: x.options ?? [],
                    })),
              }}
              slots={q.questions.length + SPARE_SLOTS}
              error={updateError}
            />
            <Button type="submit">{t('questionnaires.save')}</Button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t('questionnaires.questions')}</h2>
          <ol>
            {q.questions.map((x) => (
              <li key={x.id}>
                {x.text} ({t(`questionnaires.kind_${x.kind}`)}
                {x.required ? `, ${t('questionnaires.field_required')}` : ''})
                {x.options ? (
                  <ul>
                    {x.options.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
