import { type MessageKey, referralStatusLabel } from '@linju/i18n';
import { SelectField, TextArea, useLocale, useTranslate } from '@linju/ui';
import { Link, redirect, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { idParam, isForbidden, load } from '../lib/route-errors.ts';
import { type failureOf, rejectIntentApiError, rejectUnknownIntent } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-appraisal';

const TYPES = ['injury-degree', 'disability-grade', 'mental-state', 'civil-capacity'] as const;
/** Partner kinds an appraisal institution is registered as (the API checks the same). */
const INSTITUTION_KINDS: readonly string[] = ['department', 'district'];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const [found, advice, organisations, referrals] = await Promise.all([
    load(caller.case.get({ caseId })),
    load(caller.appraisal.getAdvice({ caseId })),
    load(caller.organisation.getMany()),
    // Where each referral to an institution stands, and its answer (whoever reads the case may
    // still lack `referral.read`: then only "referred" shows).
    caller.referral.getMany({ caseId }).catch((error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    }),
  ]);
  const institutions = organisations
    .filter((o) => INSTITUTION_KINDS.includes(o.kind) && !o.closedAt)
    .map((o) => ({ id: o.id, nameZh: organisationName(o, 'zh-CN'), nameEn: organisationName(o, 'en') }));
  const asked = (found.form as Record<string, unknown> | null)?.appraisalType;
  return {
    case: { id: found.id, number: found.number, appraisalType: TYPES.find((x) => x === asked) ?? TYPES[0] },
    advice,
    institutions,
    referrals: Object.fromEntries(
      referrals.map((r) => [
        r.id,
        { status: r.status, outcomeText: r.outcomeText ?? null, reason: r.reason ?? null },
      ]),
    ),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  if (intent !== 'advise') {
    return rejectUnknownIntent(intent);
  }
  const values = {
    appraisalType: text('appraisalType'),
    advice: text('advice'),
    institutionId: text('institutionId'),
  };
  try {
    await caller.appraisal.advise({
      caseId,
      appraisalType: TYPES.find((x) => x === values.appraisalType) ?? TYPES[0],
      advice: values.advice,
      ...(values.institutionId ? { institutionId: values.institutionId } : {}),
    });
    return redirect(`${tenantPaths.case(slug, caseId)}/appraisal?done=advise`);
  } catch (error) {
    return rejectIntentApiError(
      intent,
      error,
      { fields: ['appraisalType', 'advice', 'institutionId'], pathPrefix: '' },
      values,
    );
  }
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  appraisalType: 'appraisalPage.type',
  advice: 'appraisalPage.advice',
  institutionId: 'appraisalPage.institution',
};

export default function CaseAppraisalPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { case: c, advice, institutions, referrals } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const slug = tenant.slug;
  const typeLabel = (x: string) => t(`appraisalPage.type_${x}` as MessageKey);
  const institutionName = (id: string | null) => {
    const found = institutions.find((i) => i.id === id);
    return found ? (locale === 'en' ? found.nameEn : found.nameZh) : '';
  };

  return (
    <>
      <CaseServiceHeader
        title={t('appraisalPage.title', { number: c.number })}
        caseRef={c}
        failure={failure}
        done={Boolean(done)}
        fieldLabels={FIELD_LABELS}
        otherFieldLabel="appraisalPage.advice"
      />
      <p>{t('appraisalPage.intro')}</p>

      <section aria-labelledby="advice-heading">
        <h2 id="advice-heading">{t('appraisalPage.given')}</h2>
        {advice.length > 0 ? (
          <ol>
            {advice.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{typeLabel(a.appraisalType)}</strong> · {a.givenBy}
                </p>
                <p className="admin-prewrap">{a.advice}</p>
                {a.referralId ? (
                  <p>
                    {t('appraisalPage.referred', { institution: institutionName(a.institutionId) })}{' '}
                    <ReferralState referral={referrals[a.referralId]} />
                    <Link to={tenantPaths.referrals(slug)}>{t('appraisalPage.follow_referral')}</Link>
                  </p>
                ) : (
                  <p>{t('appraisalPage.not_referred')}</p>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('appraisalPage.none')}</p>
        )}
        <IntentForm
          intent="advise"
          title={t('appraisalPage.give')}
          failure={failure}
          submit={t('appraisalPage.submit')}
        >
          {(f) => (
            <>
              <SelectField
                {...f('appraisalType')}
                label={t('appraisalPage.type')}
                defaultValue={again('advise', 'appraisalType') ?? c.appraisalType}
              >
                {TYPES.map((x) => (
                  <option key={x} value={x}>
                    {typeLabel(x)}
                  </option>
                ))}
              </SelectField>
              <TextArea
                {...f('advice')}
                label={t('appraisalPage.advice')}
                hint={t('appraisalPage.advice_hint')}
                rows={5}
                defaultValue={again('advise', 'advice')}
              />
              <SelectField
                {...f('institutionId')}
                label={t('appraisalPage.institution')}
                hint={t('appraisalPage.institution_hint')}
                defaultValue={again('advise', 'institutionId')}
              >
                <option value="">{t('appraisalPage.no_referral')}</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {locale === 'en' ? i.nameEn : i.nameZh}
                  </option>
                ))}
              </SelectField>
            </>
          )}
        </IntentForm>
      </section>
    </>
  );
}

/** Where the referral to the institution stands, and its answer once it gave one (or why it refused). */
function ReferralState({
  referral,
}: {
  referral: { status: string; outcomeText: string | null; reason: string | null } | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (!referral) return null;
  const answer = referral.outcomeText ?? referral.reason;
  return (
    <>
      <span className="admin-status">{referralStatusLabel(locale, referral.status)}</span>
      {answer ? ` · ${t('appraisalPage.institution_answer', { answer })}` : null}{' '}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
