import { formatDate, type MessageKey, roleLabel } from '@linju/i18n';
import { Alert, SelectField, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { Link, redirect, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { optionLabel, parseYuan } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { hasProviderRecords, providerMark } from '../lib/provider-mark.ts';
import { idParam, isForbidden, load, routeErrorFor } from '../lib/route-errors.ts';
import type { ServiceFormField } from '../lib/service-form.ts';
import {
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-legal-aid';

const LAWYER_ROLES: readonly string[] = ['lawyer', 'legal-aid-officer'];
const OUTCOMES = [
  'won',
  'partly-won',
  'lost',
  'settled',
  'mediated',
  'withdrawn',
  'sentence-reduced',
] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const found = await load(caller.case.get({ caseId }));
  const [record, catalogue] = await Promise.all([
    // A case taken in before the application form was filled has nothing to check yet; the page says so.
    caller['legal-aid'].get({ caseId }).catch((error: unknown) => {
      if (isTrpcError(error) && error.message === 'legal-aid.case_has_no_application') return null;
      throw routeErrorFor(error);
    }),
    load(caller.catalogue.getMany({ organisationId: found.currentOrganisationId })),
  ]);
  const form = (catalogue.find((s) => s.pluginId === 'legal-aid')?.form ?? []) as ServiceFormField[];
  // Who the case can be assigned to (指派): lawyers and legal-aid officers of the unit first. A person
  // who may not assign here simply gets no form.
  const people = await caller.case.assignees({ caseId }).catch((error: unknown) => {
    if (isForbidden(error)) return null;
    throw routeErrorFor(error);
  });
  const lawyers = people?.filter((p) => p.roles.some((r) => LAWYER_ROLES.includes(r)));
  // Each candidate's active provider records (负面清单, 不良执业记录) are shown beside the name.
  const assignees = (lawyers?.length ? lawyers : (people ?? [])).map(
    ({ id, displayName, roles, providerRecords }) => ({ id, displayName, roles, providerRecords }),
  );
  return {
    case: {
      id: found.id,
      number: found.number,
      assignee: found.names.assignee ?? null,
      application: (found.form ?? {}) as Record<string, unknown>,
    },
    record,
    formFields: form,
    assignees: people ? assignees : null,
    today: todayIn(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  const here = `${tenantPaths.case(slug, caseId)}/legal-aid`;
  const run = async (fields: string[], values: Record<string, string>, call: () => Promise<unknown>) => {
    try {
      await call();
      return redirect(`${here}?done=${intent}`);
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields, pathPrefix: '' }, values);
    }
  };
  const badAmount = (field: string, values: Record<string, string>) =>
    rejectIntent(
      intent,
      { status: 400, errors: { form: [], fields: { [field]: 'legal-aid.amount_invalid' } } },
      values,
    );
  switch (intent) {
    case 'assign': {
      const values = {
        assigneeId: text('assigneeId'),
        conflictReason: text('conflictReason'),
        negativeListReason: text('negativeListReason'),
      };
      if (!values.assigneeId) {
        return rejectIntent(
          intent,
          { status: 400, errors: { form: [], fields: { assigneeId: 'validation.required' } } },
          values,
        );
      }
      // The server refuses a conflict of interest or a negative-listed lawyer until a reason is
      // given, naming the field; the page then asks for that reason and posts the choice again.
      return run(['assigneeId', 'conflictReason', 'negativeListReason'], values, () =>
        caller.case.assign({
          caseId,
          assigneeId: values.assigneeId,
          conflictReason: values.conflictReason || null,
          negativeListReason: values.negativeListReason || null,
        }),
      );
    }
    case 'decide': {
      const values = { granted: text('granted'), reason: text('reason') };
      return run(['granted', 'reason'], values, () =>
        caller['legal-aid'].decide({
          caseId,
          granted: values.granted === 'yes',
          ...(values.reason ? { reason: values.reason } : {}),
        }),
      );
    }
    case 'closure': {
      const values = {
        lawyerName: text('lawyerName'),
        outcome: text('outcome'),
        amountRecovered: text('amountRecovered'),
        summary: text('summary'),
      };
      const amount = values.amountRecovered ? parseYuan(values.amountRecovered) : null;
      if (amount === undefined) return badAmount('amountRecovered', values);
      const outcome = OUTCOMES.find((o) => o === values.outcome) ?? 'won';
      return run(['lawyerName', 'outcome', 'amountRecovered', 'summary'], values, () =>
        caller['legal-aid'].reportClosure({
          caseId,
          lawyerName: values.lawyerName,
          outcome,
          ...(amount ? { amountRecovered: amount } : {}),
          summary: values.summary,
        }),
      );
    }
    case 'subsidy': {
      const values = {
        recipient: text('recipient'),
        amount: text('amount'),
        basis: text('basis'),
        paidOn: text('paidOn'),
      };
      const amount = parseYuan(values.amount);
      if (amount === undefined) return badAmount('amount', values);
      return run(['recipient', 'amount', 'basis', 'paidOn'], values, () =>
        caller['legal-aid'].recordSubsidy({ caseId, ...values, amount }),
      );
    }
  }
  return rejectUnknownIntent(intent);
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  assigneeId: 'legal-aid.page.assignee',
  conflictReason: 'casePage.conflict_reason',
  negativeListReason: 'casePage.negative_list_reason',
  granted: 'legal-aid.page.decision',
  reason: 'legal-aid.page.reason',
  lawyerName: 'legal-aid.page.lawyer',
  outcome: 'legal-aid.page.outcome',
  amountRecovered: 'legal-aid.page.amount_recovered',
  summary: 'legal-aid.page.closure_summary',
  recipient: 'legal-aid.page.recipient',
  amount: 'legal-aid.page.amount',
  basis: 'legal-aid.page.basis',
  paidOn: 'legal-aid.page.paid_on',
};

const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `¥${n.toFixed(2)}`);

export default function CaseLegalAidPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { case: c, record, formFields, assignees, today } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const slug = tenant.slug;
  const app = c.application;
  // A reason is asked for once the server refused without one (or kept when it was typed).
  const asksReason = (field: 'conflictReason' | 'negativeListReason') =>
    failure?.intent === 'assign' && Boolean(failure.errors.fields[field] || failure.values[field]);
  const marked = assignees?.filter((p) => hasProviderRecords(p.providerRecords)) ?? [];
  if (!record) {
    return (
      <>
        <DocumentTitle title={t('legal-aid.page.title', { number: c.number })} tenant={tenant} />
        <p>
          <Link to={tenantPaths.case(slug, c.id)}>{t('mediationPage.back', { number: c.number })}</Link>
        </p>
        <h1>{t('legal-aid.page.title', { number: c.number })}</h1>
        <Alert tone="warning">
          <p>{t('legal-aid.case_has_no_application')}</p>
        </Alert>
      </>
    );
  }
  const { check, decision, closure } = record;
  const overdue = !decision && record.dueOn < today;
  const hardship = (app.hardship ?? null) as {
    householdSize?: number;
    monthlyHouseholdIncome?: number;
  } | null;

  return (
    <>
      <CaseServiceHeader
        title={t('legal-aid.page.title', { number: c.number })}
        caseRef={c}
        failure={failure}
        done={Boolean(done)}
        fieldLabels={FIELD_LABELS}
        otherFieldLabel="legal-aid.page.decision"
      />

      <section aria-labelledby="application-heading">
        <h2 id="application-heading">{t('legal-aid.page.application')}</h2>
        <dl className="admin-details">
          <dt>{t('legal-aid.page.applicant')}</dt>
          <dd>{String(app.applicantName ?? '—')}</dd>
          <dt>{t('legal-aid.page.matter')}</dt>
          <dd>{optionLabel(formFields, 'matter', app.matter, locale)}</dd>
          <dt>{t('legal-aid.page.exemption')}</dt>
          <dd>
            {app.migrantWorkerWageClaim === true
              ? t('legal-aid.page.route_exempt-migrant-worker')
              : app.exemptGroup
                ? optionLabel(formFields, 'exemptGroup', app.exemptGroup, locale)
                : t('legal-aid.page.no_exemption')}
          </dd>
          {hardship ? (
            <>
              <dt>{t('legal-aid.page.household')}</dt>
              <dd>
                {t('legal-aid.page.household_value', {
                  size: hardship.householdSize ?? '—',
                  income: yuan(hardship.monthlyHouseholdIncome),
                })}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="check-heading">
        <h2 id="check-heading">{t('legal-aid.page.check')}</h2>
        <Alert tone={check.eligible ? 'success' : 'warning'}>
          <p>
            <strong>{t(check.eligible ? 'legal-aid.page.eligible' : 'legal-aid.page.not_eligible')}</strong>
            {' · '}
            {t(`legal-aid.page.route_${check.route}` as MessageKey)}
          </p>
          {!check.eligible ? <p>{t(check.reason)}</p> : null}
          {check.route === 'hardship-check' ? (
            <p>
              {t('legal-aid.page.per_capita', {
                income: yuan(check.perCapitaIncome),
                threshold: yuan(check.threshold),
              })}
            </p>
          ) : null}
        </Alert>
      </section>

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('legal-aid.page.decision')}</h2>
        {decision ? (
          <p>
            {t(decision.granted ? 'legal-aid.page.granted' : 'legal-aid.page.refused')} ·{' '}
            {t('legal-aid.page.decided_on', { date: formatDate(locale, decision.decidedOn) })}
            {decision.late ? ` · ${t('legal-aid.page.late')}` : ''}
            {decision.reason ? ` · ${decision.reason}` : ''}
          </p>
        ) : (
          <>
            <p className={overdue ? 'admin-overdue' : undefined}>
              {t(overdue ? 'legal-aid.page.due_overdue' : 'legal-aid.page.due', {
                date: formatDate(locale, record.dueOn),
              })}
            </p>
            <IntentForm
              intent="decide"
              title={t('legal-aid.page.decide')}
              failure={failure}
              submit={t('legal-aid.page.decide_submit')}
            >
              {(f) => (
                <>
                  <SelectField
                    {...f('granted')}
                    label={t('legal-aid.page.decision')}
                    defaultValue={again('decide', 'granted')}
                  >
                    <option value="yes">{t('legal-aid.page.grant')}</option>
                    <option value="no">{t('legal-aid.page.refuse')}</option>
                  </SelectField>
                  <TextArea
                    {...f('reason')}
                    label={t('legal-aid.page.reason')}
                    hint={t('legal-aid.page.reason_hint')}
                    rows={3}
                    defaultValue={again('decide', 'reason')}
                  />
                </>
              )}
            </IntentForm>
          </>
        )}
      </section>

      <section aria-labelledby="lawyer-heading">
        <h2 id="lawyer-heading">{t('legal-aid.page.assignment')}</h2>
        <p>
          {t('legal-aid.page.handled_by', { name: c.assignee ?? t('casePage.unassigned') })}{' '}
          <Link to={tenantPaths.case(slug, c.id)}>{t('legal-aid.page.assign_on_case')}</Link>
        </p>
        {assignees && assignees.length > 0 ? (
          <IntentForm
            intent="assign"
            title={t('legal-aid.page.assign')}
            failure={failure}
            submit={t('legal-aid.page.assign_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('assigneeId')}
                  label={t('legal-aid.page.assignee')}
                  defaultValue={again('assign', 'assigneeId')}
                >
                  <option value="">—</option>
                  {assignees.map((p) => (
                    <option key={p.id} value={p.id}>
                      {`${p.displayName} · ${p.roles.map((role) => roleLabel(locale, role)).join('、')}${providerMark(t, p.providerRecords)}`}
                    </option>
                  ))}
                </SelectField>
                {marked.length > 0 ? (
                  <Alert tone="warning">
                    <p>{t('casePage.provider_records_warning')}</p>
                    <ul aria-label={t('legal-aid.page.marked_lawyers')}>
                      {marked.map((p) => (
                        <li key={p.id}>
                          {p.displayName}
                          {providerMark(t, p.providerRecords)}
                        </li>
                      ))}
                    </ul>
                  </Alert>
                ) : null}
                {asksReason('conflictReason') ? (
                  <TextArea
                    {...f('conflictReason')}
                    label={t('casePage.conflict_reason')}
                    rows={2}
                    defaultValue={again('assign', 'conflictReason')}
                  />
                ) : null}
                {asksReason('negativeListReason') ? (
                  <TextArea
                    {...f('negativeListReason')}
                    label={t('casePage.negative_list_reason')}
                    rows={2}
                    defaultValue={again('assign', 'negativeListReason')}
                  />
                ) : null}
              </>
            )}
          </IntentForm>
        ) : null}
        {closure ? (
          <dl className="admin-details">
            <dt>{t('legal-aid.page.lawyer')}</dt>
            <dd>{closure.lawyerName}</dd>
            <dt>{t('legal-aid.page.outcome')}</dt>
            <dd>{t(`legal-aid.page.outcome_${closure.outcome}` as MessageKey)}</dd>
            <dt>{t('legal-aid.page.amount_recovered')}</dt>
            <dd>{yuan(closure.amountRecovered)}</dd>
            <dt>{t('legal-aid.page.closure_summary')}</dt>
            <dd className="admin-prewrap">{closure.summary}</dd>
          </dl>
        ) : decision?.granted ? (
          <IntentForm
            intent="closure"
            title={t('legal-aid.page.closure')}
            failure={failure}
            submit={t('legal-aid.page.closure_submit')}
          >
            {(f) => (
              <>
                <TextField
                  {...f('lawyerName')}
                  label={t('legal-aid.page.lawyer')}
                  defaultValue={again('closure', 'lawyerName')}
                />
                <SelectField
                  {...f('outcome')}
                  label={t('legal-aid.page.outcome')}
                  defaultValue={again('closure', 'outcome')}
                >
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`legal-aid.page.outcome_${o}` as MessageKey)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  {...f('amountRecovered')}
                  inputMode="decimal"
                  label={t('legal-aid.page.amount_recovered')}
                  hint={t('legal-aid.page.optional_yuan')}
                  defaultValue={again('closure', 'amountRecovered')}
                />
                <TextArea
                  {...f('summary')}
                  label={t('legal-aid.page.closure_summary')}
                  rows={4}
                  defaultValue={again('closure', 'summary')}
                />
              </>
            )}
          </IntentForm>
        ) : (
          <p>{t('legal-aid.page.closure_after_grant')}</p>
        )}
      </section>

      <section aria-labelledby="subsidy-heading">
        <h2 id="subsidy-heading">{t('legal-aid.page.subsidies')}</h2>
        {record.subsidies.length > 0 ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('legal-aid.page.paid_on')}</th>
                <th scope="col">{t('legal-aid.page.recipient')}</th>
                <th scope="col">{t('legal-aid.page.amount')}</th>
                <th scope="col">{t('legal-aid.page.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {record.subsidies.map((s) => (
                <tr key={s.id}>
                  <td>{formatDate(locale, s.paidOn)}</td>
                  <td>{s.recipient}</td>
                  <td>{yuan(s.amount)}</td>
                  <td>{s.basis}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('legal-aid.page.subsidy_total')}
                </th>
                <td colSpan={2}>{yuan(record.subsidyTotal)}</td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <p>{t('legal-aid.page.no_subsidies')}</p>
        )}
        {decision?.granted ? (
          <IntentForm
            intent="subsidy"
            title={t('legal-aid.page.record_subsidy')}
            failure={failure}
            submit={t('legal-aid.page.subsidy_submit')}
          >
            {(f) => (
              <>
                <TextField
                  {...f('recipient')}
                  label={t('legal-aid.page.recipient')}
                  defaultValue={again('subsidy', 'recipient')}
                />
                <TextField
                  {...f('amount')}
                  inputMode="decimal"
                  label={t('legal-aid.page.amount')}
                  defaultValue={again('subsidy', 'amount')}
                />
                <TextField
                  {...f('basis')}
                  label={t('legal-aid.page.basis')}
                  defaultValue={again('subsidy', 'basis')}
                />
                <TextField
                  {...f('paidOn')}
                  type="date"
                  label={t('legal-aid.page.paid_on')}
                  defaultValue={again('subsidy', 'paidOn') ?? today}
                />
              </>
            )}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
