import type { MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextArea, TextField, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate } from '../lib/advisers.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/provider';
import { PROVIDER_KIND_LABEL, RECORD_KIND_LABEL, RECORD_STATE_LABEL } from './providers.tsx';

const DONE: Readonly<Record<string, MessageKey>> = {
  recorded: 'providers.done_recorded',
  appealed: 'providers.done_appealed',
  decided: 'providers.done_decided',
};

/** One provider record: what happened, the evidence, and its appeal (filed, then decided once). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [record, organisations] = await Promise.all([
    load(caller.provider.get({ id: params.id })),
    load(caller.organisation.getMany()),
  ]);
  const done = new URL(request.url).searchParams.get('done') ?? '';
  return {
    record,
    canManage: allowsTenantWide(grants, 'provider.manage', parentMap(organisations)),
    done: Object.hasOwn(DONE, done) ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (done: string) => `${tenantPaths.provider(slug, params.id)}?done=${done}`;
  return intentAction(
    request,
    {
      appeal: intent({
        fields: ['filedOn', 'grounds'],
        check: (values) => ({
          filedOn: isIsoDate(values.filedOn) ? undefined : 'validation.date_invalid',
          grounds: values.grounds ? undefined : 'provider.appeal_grounds_required',
        }),
        run: async (values) => {
          await caller.provider.fileAppeal({ id: params.id, ...values });
          return redirect(back('appealed'));
        },
      }),
      decide: intent({
        fields: ['outcome', 'decidedOn', 'decision'],
        check: (values) => ({
          decidedOn: isIsoDate(values.decidedOn) ? undefined : 'validation.date_invalid',
          decision: values.decision ? undefined : 'validation.required',
        }),
        run: async (values) => {
          await caller.provider.decideAppeal({
            id: params.id,
            outcome: values.outcome === 'lifted' ? 'lifted' : 'upheld',
            decidedOn: values.decidedOn,
            decision: values.decision,
          });
          return redirect(back('decided'));
        },
      }),
    },
    { done: back },
  );
}

export default function Provider({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const { record: r, canManage, done } = loaderData;
  const appeal = failureOf(actionData, 'appeal');
  const decide = failureOf(actionData, 'decide');
  const errorOf = (failure: typeof appeal, name: string) => {
    const key = failure?.errors.fields[name];
    return key ? t(key, failure?.errors.params) : undefined;
  };
  const formError = appeal ?? decide;
  return (
    <>
      <DocumentTitle title={`${r.providerName} · ${t('providers.title')}`} tenant={tenant} />
      <p>
        <Link to={tenantPaths.providers(tenant.slug)}>{t('providers.back')}</Link>
      </p>
      {done && !formError ? (
        <Alert tone="success">
          <p>{t(DONE[done] ?? 'providers.done_recorded')}</p>
        </Alert>
      ) : null}
      {formError?.errors.form.length ? (
        <Alert tone="error">
          {formError.errors.form.map((key) => (
            <p key={key}>{t(key, formError.errors.params)}</p>
          ))}
        </Alert>
      ) : null}
      <h1>
        {r.providerName} · {t(RECORD_KIND_LABEL[r.kind] ?? 'providers.record_misconduct')}
      </h1>
      <dl className="admin-details">
        <dt>{t('providers.provider_kind')}</dt>
        <dd>{t(PROVIDER_KIND_LABEL[r.providerKind] ?? 'providers.kind_lawyer')}</dd>
        {r.firmName ? (
          <>
            <dt>{t('providers.firm_name')}</dt>
            <dd>{r.firmName}</dd>
          </>
        ) : null}
        <dt>{t('providers.state')}</dt>
        <dd>{t(RECORD_STATE_LABEL[r.state] ?? 'providers.state_active')}</dd>
        <dt>{t('providers.description')}</dt>
        <dd>{r.description}</dd>
        <dt>{t('providers.occurred_on')}</dt>
        <dd>{r.occurredOn}</dd>
        <dt>{t('providers.expires_on')}</dt>
        <dd>{r.expiresOn ?? t('providers.no_expiry')}</dd>
        <dt>{t('providers.evidence_reference')}</dt>
        <dd>{r.evidenceReference}</dd>
        {r.evidenceFileName ? (
          <>
            <dt>{t('providers.evidence_file')}</dt>
            <dd>
              <a href={tenantPaths.providerEvidence(tenant.slug, r.id)}>{r.evidenceFileName}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('providers.recorded_by')}</dt>
        <dd>{r.recordedByName}</dd>
        {r.appealFiledOn ? (
          <>
            <dt>{t('providers.appeal')}</dt>
            <dd>
              {r.appealFiledOn} · {r.appealGrounds}
            </dd>
            <dt>{t('providers.appeal_outcome')}</dt>
            <dd>
              {r.appealOutcome
                ? `${t(r.appealOutcome === 'lifted' ? 'providers.outcome_lifted' : 'providers.outcome_upheld')} · ${r.appealDecidedOn ?? ''} · ${r.appealDecision ?? ''} (${r.appealDecidedByName ?? ''})`
                : t('providers.appeal_pending')}
            </dd>
          </>
        ) : null}
      </dl>
      {canManage && !r.appealFiledOn ? (
        <section aria-labelledby="appeal-heading">
          <h2 id="appeal-heading">{t('providers.appeal_heading')}</h2>
          <Form method="post" className="lj-form">
            <CsrfField />
            <input type="hidden" name="intent" value="appeal" />
            <TextField
              id="filedOn"
              name="filedOn"
              type="date"
              label={t('providers.appeal_filed_on')}
              defaultValue={appeal?.values.filedOn ?? ''}
              error={errorOf(appeal, 'filedOn')}
            />
            <TextArea
              id="grounds"
              name="grounds"
              label={t('providers.appeal_grounds')}
              defaultValue={appeal?.values.grounds ?? ''}
              error={errorOf(appeal, 'grounds')}
            />
            <Button type="submit">{t('providers.appeal_submit')}</Button>
          </Form>
        </section>
      ) : null}
      {canManage && r.appealFiledOn && !r.appealOutcome ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t('providers.decide_heading')}</h2>
          <Form method="post" className="lj-form">
            <CsrfField />
            <input type="hidden" name="intent" value="decide" />
            <SelectField
              id="outcome"
              name="outcome"
              label={t('providers.appeal_outcome')}
              defaultValue={decide?.values.outcome ?? 'upheld'}
            >
              <option value="upheld">{t('providers.outcome_upheld')}</option>
              <option value="lifted">{t('providers.outcome_lifted')}</option>
            </SelectField>
            <TextField
              id="decidedOn"
              name="decidedOn"
              type="date"
              label={t('providers.decided_on')}
              defaultValue={decide?.values.decidedOn ?? ''}
              error={errorOf(decide, 'decidedOn')}
            />
            <TextArea
              id="decision"
              name="decision"
              label={t('providers.decision')}
              defaultValue={decide?.values.decision ?? ''}
              error={errorOf(decide, 'decision')}
            />
            <Button type="submit">{t('providers.decide_submit')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
