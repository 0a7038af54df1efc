import { formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { surveyPath } from '../lib/questionnaire-form.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/questionnaire-round';

/** A round's summary: response rate, counts per option, scale means and the free-text answers. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const summary = await load(caller.questionnaire.round.summary({ id: params.id }));
  const parents = parentMap(await load(caller.organisation.getMany()));
  return {
    summary,
    canManage: allowsOn(grants, 'questionnaire.manage', summary.questionnaire.organisationId, parents),
    closed: new URL(request.url).searchParams.get('closed') === '1',
  };
}

export async function action({ params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  try {
    await getAdminContext(context).caller.questionnaire.round.close({ id: params.id });
  } catch (error) {
    return rejectIntentApiError('close', error, { fields: [] });
  }
  return redirect(`${tenantPaths.questionnaireRound(slug, params.id)}?closed=1`);
}

export default function QuestionnaireRound({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { summary: s, canManage, closed } = loaderData;
  const closeError = failureOf(actionData, 'close')?.errors.form[0];
  const percent = (x: number) => formatNumber(locale, x, { style: 'percent', maximumFractionDigits: 1 });
  const title = t('questionnaires.title_version', {
    title: s.questionnaire.title,
    version: s.questionnaire.version,
  });
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <p>
        <Link to={tenantPaths.questionnaire(tenant.slug, s.questionnaire.id)}>{title}</Link>
      </p>
      <h1>{t('questionnaires.summary_title', { from: s.round.opensOn, to: s.round.closesOn })}</h1>
      {closed ? <Alert tone="success">{t('questionnaires.round_closed')}</Alert> : null}
      {closeError && isMessageKey(closeError) ? <Alert tone="error">{t(closeError)}</Alert> : null}
      <dl className="admin-details">
        <dt>{t('questionnaires.col_invited')}</dt>
        <dd>{formatNumber(locale, s.invited)}</dd>
        <dt>{t('questionnaires.col_responses')}</dt>
        <dd data-testid="responses">
          {t('questionnaires.responses_split', {
            total: formatNumber(locale, s.responses),
            code: formatNumber(locale, s.responsesByCode),
            link: formatNumber(locale, s.responsesByLink),
          })}
        </dd>
        <dt>{t('questionnaires.response_rate')}</dt>
        <dd>{s.responseRate === null ? '—' : percent(s.responseRate)}</dd>
        {s.round.publicToken ? (
          <>
            <dt>{t('questionnaires.public_link')}</dt>
            <dd>
              <code>{surveyPath(s.round.publicToken)}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={tenantPaths.questionnaireRoundXlsx(tenant.slug, s.round.id)} download>
          {t('questionnaires.export')}
        </a>
      </p>
      {s.questions.map((q, i) => (
        <section key={q.id} aria-labelledby={`question-${q.id}`}>
          <h2 id={`question-${q.id}`}>
            {i + 1}. {q.text}
          </h2>
          <p className="admin-muted">
            {t(`questionnaires.kind_${q.kind}`)} ·{' '}
            {t('questionnaires.answered', { count: formatNumber(locale, q.answered) })}
            {q.mean !== null ? ` · ${t('questionnaires.mean', { mean: formatNumber(locale, q.mean) })}` : ''}
          </p>
          {q.kind === 'single' || q.kind === 'multiple' || q.kind === 'scale' ? (
            <table className="admin-table">
              <caption className="lj-visually-hidden">{q.text}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('questionnaires.col_option')}</th>
                  <th scope="col">{t('questionnaires.col_count')}</th>
                  <th scope="col">{t('questionnaires.col_share')}</th>
                </tr>
              </thead>
              <tbody>
                {(q.kind === 'scale'
                  ? q.points.map((count, p) => ({ label: `${p + 1}`, count }))
                  : q.options
                ).map((o) => (
                  <tr key={o.label}>
                    <th scope="row">{o.label}</th>
                    <td>{formatNumber(locale, o.count)}</td>
                    <td>{q.answered > 0 ? percent(o.count / q.answered) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : q.texts.length === 0 ? (
            <p>{t('questionnaires.no_texts')}</p>
          ) : (
            <ul>
              {q.texts.map((text, k) => (
                <li key={k}>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {s.round.closedAt || !canManage ? null : (
        <Form method="post">
          <CsrfField />
          <Button type="submit" variant="secondary">
            {t('questionnaires.close_round')}
          </Button>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
