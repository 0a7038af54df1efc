import type { MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { useFieldError } from '../components/form-errors.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { load } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/subsidies';

const OUTCOME_LABEL: Readonly<Record<string, MessageKey>> = {
  success: 'subsidies.outcome_success',
  failure: 'subsidies.outcome_failure',
};
const DONE: Readonly<Record<string, MessageKey>> = {
  rule: 'subsidies.done_rule',
  removed: 'subsidies.done_removed',
  computed: 'subsidies.done_computed',
};
const isMonth = (value: string | null): value is string => !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
/** Fen to yuan for display: exact, from integers. */
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * 个案补贴: the district's subsidy rules (amount per service and outcome) and a month's ledger,
 * computed when cases close and exported as a spreadsheet for payment.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const today = todayIn();
  const month = isMonth(search.get('month')) ? (search.get('month') as string) : today.slice(0, 7);
  const [rules, ledger, services] = await Promise.all([
    load(caller.subsidy.getRules()),
    load(caller.subsidy.getLedger({ month })),
    load(caller.subsidy.getServices()),
  ]);
  const done = search.get('done') ?? '';
  return {
    month,
    services,
    rules: rules.map(({ id, serviceType, outcome, amountFen }) => ({ id, serviceType, outcome, amountFen })),
    ledger: {
      entries: ledger.entries.map((e) => ({
        id: e.id,
        recipientName: e.recipientName,
        caseId: e.caseId,
        caseNumber: e.caseNumber,
        serviceType: e.serviceType,
        outcome: e.outcome,
        basis: e.basis,
        amountFen: e.amountFen,
        source: e.source,
      })),
      recipients: ledger.recipients,
      totalFen: ledger.totalFen,
    },
    computed: {
      added: Number(search.get('added') ?? 0),
      withoutHandler: Number(search.get('withoutHandler') ?? 0),
      withoutRule: Number(search.get('withoutRule') ?? 0),
    },
    done: Object.hasOwn(DONE, done) ? done : null,
  };
}

/** A yuan amount as typed (up to two decimals) in fen, or null when it is not one. */
const fenOf = (amount: string) =>
  /^\d{1,6}(\.\d{1,2})?$/.test(amount) ? Math.round(Number(amount) * 100) : null;

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (month: string, done: string, extra = '') =>
    `${tenantPaths.subsidies(slug)}?month=${encodeURIComponent(month)}&done=${done}${extra}`;
  return intentAction(
    request,
    {
      rule: intent({
        fields: ['serviceType', 'outcome', 'amount'],
        keep: ['month'],
        check: (values) => ({ amount: fenOf(values.amount) === null ? 'subsidy.amount_invalid' : undefined }),
        errors: { fieldForPath: { amountFen: 'amount' } },
        run: async (values) => {
          await caller.subsidy.setRule({
            serviceType: values.serviceType,
            outcome: values.outcome === 'failure' ? 'failure' : 'success',
            amountFen: fenOf(values.amount) ?? 0,
          });
          return redirect(back(values.month, 'rule'));
        },
      }),
      remove: intent({
        keep: ['id', 'month'],
        run: async (values) => {
          await caller.subsidy.removeRule({ id: values.id });
          return redirect(back(values.month, 'removed'));
        },
      }),
      compute: intent({
        fields: ['month'],
        run: async (values) => {
          const result = await caller.subsidy.compute({ month: values.month });
          return redirect(
            back(
              values.month,
              'computed',
              `&added=${result.added}&withoutHandler=${result.withoutHandler}&withoutRule=${result.withoutRule}`,
            ),
          );
        },
      }),
    },
    { done: (done) => `${tenantPaths.subsidies(slug)}?done=${done}` },
  );
}

export default function Subsidies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { month, services, rules, ledger, computed, done } = loaderData;
  const ruleFailure = failureOf(actionData, 'rule');
  const other = failureOf(actionData, 'compute') ?? failureOf(actionData, 'remove');
  const ruleError = useFieldError(ruleFailure?.errors);
  const otherErrors = other ? [...other.errors.form, ...Object.values(other.errors.fields)] : [];
  return (
    <>
      <DocumentTitle title={t('subsidies.title')} tenant={tenant} />
      {done && !ruleFailure && !other ? (
        <Alert tone="success">
          <p>
            {done === 'computed'
              ? t('subsidies.done_computed', computed)
              : t(DONE[done] ?? 'subsidies.done_rule')}
          </p>
        </Alert>
      ) : null}
      {otherErrors.length > 0 ? (
        <Alert tone="error">
          {otherErrors.map((key) => (
            <p key={key}>{t(key as MessageKey, other?.errors.params)}</p>
          ))}
        </Alert>
      ) : null}
      <h1>{t('subsidies.title')}</h1>
      <p className="admin-lead">{t('subsidies.intro')}</p>

      <h2>{t('subsidies.rules_heading')}</h2>
      {rules.length === 0 ? (
        <p>{t('subsidies.no_rules')}</p>
      ) : (
        <table className="admin-table">
          <caption>{t('subsidies.rules_heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('subsidies.service')}</th>
              <th scope="col">{t('subsidies.outcome')}</th>
              <th scope="col">{t('subsidies.amount')}</th>
              <th scope="col">{t('subsidies.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{serviceName(services, r.serviceType, locale)}</td>
                <td>{t(OUTCOME_LABEL[r.outcome] ?? 'subsidies.outcome_success')}</td>
                <td>{yuan(r.amountFen)}</td>
                <td>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="month" value={month} />
                    <input type="hidden" name="id" value={r.id} />
                    <Button type="submit" variant="secondary">
                      {t('subsidies.remove')}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post" className="lj-form">
        <CsrfField />
        <input type="hidden" name="intent" value="rule" />
        <input type="hidden" name="month" value={month} />
        <SelectField
          id="serviceType"
          name="serviceType"
          label={t('subsidies.service')}
          defaultValue={ruleFailure?.values.serviceType}
          error={ruleError('serviceType')}
        >
          {services
            .filter((service) => service.byRule)
            .map((service) => (
              <option key={service.id} value={service.id}>
                {service.name[locale]}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="outcome"
          name="outcome"
          label={t('subsidies.outcome')}
          hint={t('subsidies.outcome_hint')}
          defaultValue={ruleFailure?.values.outcome ?? 'success'}
          error={ruleError('outcome')}
        >
          <option value="success">{t('subsidies.outcome_success')}</option>
          <option value="failure">{t('subsidies.outcome_failure')}</option>
        </SelectField>
        <TextField
          id="amount"
          name="amount"
          inputMode="decimal"
          label={t('subsidies.amount')}
          defaultValue={ruleFailure?.values.amount ?? ''}
          error={ruleError('amount')}
        />
        <Button type="submit">{t('subsidies.rule_submit')}</Button>
      </Form>

      <h2>{t('subsidies.ledger_heading', { month })}</h2>
      <Form method="get" className="lj-form admin-filters">
        <TextField id="s-month" name="month" type="month" label={t('subsidies.month')} defaultValue={month} />
        <Button type="submit" variant="secondary">
          {t('subsidies.show')}
        </Button>
      </Form>
      <Form method="post" className="lj-form">
        <CsrfField />
        <input type="hidden" name="intent" value="compute" />
        <input type="hidden" name="month" value={month} />
        <p>{t('subsidies.compute_hint')}</p>
        <Button type="submit">{t('subsidies.compute_submit')}</Button>
      </Form>
      {ledger.entries.length === 0 ? (
        <p>{t('subsidies.no_entries')}</p>
      ) : (
        <>
          <table className="admin-table">
            <caption>{t('subsidies.ledger_heading', { month })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subsidies.recipient')}</th>
                <th scope="col">{t('subsidies.case')}</th>
                <th scope="col">{t('subsidies.service')}</th>
                <th scope="col">{t('subsidies.outcome')}</th>
                <th scope="col">{t('subsidies.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.recipientName}</td>
                  <td>
                    <a href={tenantPaths.case(tenant.slug, e.caseId)}>{e.caseNumber}</a>
                  </td>
                  <td>{serviceName(services, e.serviceType, locale)}</td>
                  <td>{e.outcome ? t(OUTCOME_LABEL[e.outcome] ?? 'subsidies.outcome_success') : e.basis}</td>
                  <td>{yuan(e.amountFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('subsidies.total')}
                </th>
                <td>{yuan(ledger.totalFen)}</td>
              </tr>
            </tfoot>
          </table>
          <p>
            <a
              className="lj-button lj-button--secondary"
              href={tenantPaths.subsidyLedgerXlsx(tenant.slug, month)}
            >
              {t('subsidies.export')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
