import { formatDate, formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, Checkbox, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { QuestionnaireEditor } from '../components/questionnaire-editor.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { questionFieldMapping, questionsOfForm, SPARE_SLOTS } from '../lib/questionnaire-form.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/questionnaire';

const NETWORK_KINDS: readonly string[] = ['centre', 'station', 'room', 'service-point'];

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
    .filter((o) => NETWORK_KINDS.includes(o.kind) && !o.closedAt)
    .filter((o) => allowsOn(grants, 'questionnaire.manage', o.id, parents))
    .map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
      id,
      parentId,
      kind,
      nameZh,
      nameEn,
      closedAt,
    }));
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
  const form = await request.formData();
  const intent = formText(form, 'intent');
  if (intent === 'revise') {
    try {
      const next = await caller.questionnaire.revise({ id: params.id });
      return redirect(tenantPaths.questionnaire(slug, next.id));
    } catch (error) {
      return rejectIntentApiError('revise', error, { fields: [] });
    }
  }
  if (intent === 'open') {
    const values = {
      opensOn: formText(form, 'opensOn'),
      closesOn: formText(form, 'closesOn'),
      audienceOrganisationId: formText(form, 'audienceOrganisationId'),
      month: formText(form, 'month'),
      publicLink: form.get('publicLink') === 'on' ? 'on' : '',
    };
    try {
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
    } catch (error) {
      return rejectIntentApiError(
        'open',
        error,
        {
          fields: ['opensOn', 'closesOn', 'audienceOrganisationId', 'month', 'publicLink'],
          fieldForPath: { 'audience.month': 'month', 'audience.organisationId': 'audienceOrganisationId' },
        },
        values,
      );
    }
  }
  const slots = Math.min(Number(formText(form, 'slots')) || 1, 80);
  const drafts = questionsOfForm(form, slots);
  const values = { title: formText(form, 'title'), intro: formText(form, 'intro') };
  try {
    await caller.questionnaire.update({
      id: params.id,
      data: { ...values, questions: drafts.map((d) => d.draft) },
    });
    return redirect(`${tenantPaths.questionnaire(slug, params.id)}?saved=1`);
  } catch (error) {
    return rejectIntentApiError('update', error, questionFieldMapping(drafts, ['title'], 'data'), {
      ...values,
      questions: JSON.stringify(drafts.map((d) => d.draft)),
    });
  }
}

export default function Questionnaire({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { questionnaire: q, units, canManage, today, month } = loaderData;
  const opened = actionData && 'opened' in actionData ? actionData.opened : undefined;
  const errorsOf = (intent: string) => {
    const failure = failureOf(actionData, intent);
    return {
      failure,
      field: (name: string) => {
        const key = failure?.errors.fields[name];
        return key && isMessageKey(key) ? t(key, failure?.errors.params) : undefined;
      },
      form: failure?.errors.form[0],
    };
  };
  const update = errorsOf('update');
  const open = errorsOf('open');
  const revise = errorsOf('revise');
  const surveyUrl = (token: string) => `/survey/${token}`;
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
      {opened ? (
        <Alert tone="success" title={t('questionnaires.opened')}>
          <p>{t('questionnaires.opened_codes', { count: formatNumber(locale, opened.invited) })}</p>
          {opened.publicToken ? (
            <p>
              {t('questionnaires.public_link')}: <code>{surveyUrl(opened.publicToken)}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {opened && opened.codes.length > 0 ? (
        <table className="admin-table">
          <caption>{t('questionnaires.codes_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.col_case')}</th>
              <th scope="col">{t('questionnaires.col_code')}</th>
            </tr>
          </thead>
          <tbody>
            {opened.codes.map((c) => (
              <tr key={c.code}>
                <td>{c.caseNumber}</td>
                <td>
                  <code>{c.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t('questionnaires.rounds')}</h2>
      {q.rounds.length === 0 ? (
        <p>{t('questionnaires.no_rounds')}</p>
      ) : (
        <table className="admin-table">
          <caption className="lj-visually-hidden">{t('questionnaires.rounds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.col_period')}</th>
              <th scope="col">{t('questionnaires.col_invited')}</th>
              <th scope="col">{t('questionnaires.col_responses')}</th>
              <th scope="col">{t('questionnaires.public_link')}</th>
            </tr>
          </thead>
          <tbody>
            {q.rounds.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={tenantPaths.questionnaireRound(tenant.slug, r.id)}>
                    {t('questionnaires.period', { from: r.opensOn, to: r.closesOn })}
                  </Link>
                  {r.closedAt ? ` (${t('questionnaires.round_closed')})` : ''}
                </th>
                <td>{formatNumber(locale, r.invited)}</td>
                <td>{formatNumber(locale, r.responses)}</td>
                <td>{r.publicToken ? <code>{surveyUrl(r.publicToken)}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && !q.nextVersionId ? (
        <section aria-labelledby="send-heading">
          <h2 id="send-heading">{t('questionnaires.send')}</h2>
          <p>{t('questionnaires.send_intro')}</p>
          {open.form && isMessageKey(open.form) ? (
            <Alert tone="error">{t(open.form, open.failure?.errors.params)}</Alert>
          ) : null}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="open" />
            <TextField
              name="opensOn"
              type="date"
              label={t('questionnaires.opens_on')}
              defaultValue={open.failure?.values.opensOn ?? today}
              error={open.field('opensOn')}
            />
            <TextField
              name="closesOn"
              type="date"
              label={t('questionnaires.closes_on')}
              defaultValue={open.failure?.values.closesOn ?? ''}
              error={open.field('closesOn')}
            />
            <OrganisationSelect
              name="audienceOrganisationId"
              label={t('questionnaires.audience_unit')}
              hint={t('questionnaires.audience_hint')}
              placeholder={t('questionnaires.audience_none')}
              options={organisationOptions(units, locale)}
              defaultValue={open.failure?.values.audienceOrganisationId ?? ''}
              error={open.field('audienceOrganisationId')}
            />
            <TextField
              name="month"
              type="month"
              label={t('questionnaires.audience_month')}
              defaultValue={open.failure?.values.month ?? month}
              error={open.field('month')}
            />
            <Checkbox
              name="publicLink"
              label={t('questionnaires.public_link_on')}
              defaultChecked={open.failure ? open.failure.values.publicLink === 'on' : true}
            />
            {open.field('publicLink') ? <p className="lj-field__error">{open.field('publicLink')}</p> : null}
            <Button type="submit">{t('questionnaires.send_submit')}</Button>
          </Form>
        </section>
      ) : null}
      {canManage && q.frozenAt && !q.nextVersionId ? (
        <Form method="post" className="lj-form">
          <CsrfField />
          <input type="hidden" name="intent" value="revise" />
          {revise.form && isMessageKey(revise.form) ? <Alert tone="error">{t(revise.form)}</Alert> : null}
          <p>{t('questionnaires.frozen_hint')}</p>
          <Button type="submit" variant="secondary">
            {t('questionnaires.revise')}
          </Button>
        </Form>
      ) : null}
      {canManage && !q.frozenAt ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('questionnaires.edit')}</h2>
          {update.form && isMessageKey(update.form) ? (
            <Alert tone="error">{t(update.form, update.failure?.errors.params)}</Alert>
          ) : null}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="update" />
            <QuestionnaireEditor
              values={{
                title: update.failure?.values.title ?? q.title,
                intro: update.failure?.values.intro ?? q.intro,
                questions: update.failure?.values.questions
                  ? JSON.parse(update.failure.values.questions)
                  : q.questions.map((x) => ({
                      kind: x.kind,
                      text: x.text,
                      required: x.required,
                      options: x.options ?? [],
                    })),
              }}
              slots={q.questions.length + SPARE_SLOTS}
              error={update.field}
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
