import {
  type CaseScreenProps,
  caseScreen,
  type ProcedureResult,
  useReferralStatusLabel,
} from '@linju/plugin-sdk/admin';
import { SelectField, TextArea } from '@linju/ui';
import { Link } from 'react-router';
import { APPRAISAL_TYPE_NAMES, APPRAISAL_TYPES } from '../intake-form.ts';
import type { messages } from '../messages.ts';
import type { page } from '../procedures/page.ts';

type Data = ProcedureResult<typeof page>;
type Key = keyof (typeof messages)['zh-CN'];
type Props = CaseScreenProps<Data, Key>;

/** The appraisal page of a case: the advice given, and a form to give more (and refer to an institution). */
export const appraisalScreen = caseScreen<Data, Key>({
  id: 'case-appraisal',
  page: 'page',
  heading: (data, t) => ({
    title: t('appraisal.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    advise: {
      procedure: 'advise',
      fields: {
        advice: 'appraisal.page.advice',
        appraisalType: 'appraisal.page.type',
        institutionId: 'appraisal.page.institution',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        appraisalType: APPRAISAL_TYPES.find((type) => type === form.appraisalType) ?? APPRAISAL_TYPES[0],
        advice: form.advice ?? '',
        ...(form.institutionId ? { institutionId: form.institutionId } : {}),
      }),
      done: 'advise',
    },
  },
  Component: AppraisalPage,
});

function AppraisalPage({ data, slug, locale, IntentForm, t }: Props) {
  const { case: c, advice, institutions, referrals } = data;
  const institutionName = (id: string | null) => institutions.find((i) => i.id === id)?.name[locale] ?? '';
  return (
    <>
      <p>{t('appraisal.page.intro')}</p>
      <section aria-labelledby="advice-heading">
        <h2 id="advice-heading">{t('appraisal.page.given')}</h2>
        {advice.length > 0 ? (
          <ol>
            {advice.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{APPRAISAL_TYPE_NAMES[a.appraisalType][locale]}</strong> · {a.givenBy}
                </p>
                <p className="admin-prewrap">{a.advice}</p>
                {a.referralId ? (
                  <p>
                    {t('appraisal.page.referred', { institution: institutionName(a.institutionId) })}{' '}
                    <ReferralState referral={referrals[a.referralId]} t={t} />
                    {/* The district's referrals list (`tenantPaths.referrals` of the admin app). */}
                    <Link to={`/t/${slug}/referrals`}>{t('appraisal.page.follow_referral')}</Link>
                  </p>
                ) : (
                  <p>{t('appraisal.page.not_referred')}</p>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('appraisal.page.none')}</p>
        )}
        <IntentForm intent="advise" title={t('appraisal.page.give')} submit={t('appraisal.page.submit')}>
          {(f) => (
            <>
              <SelectField
                {...f('appraisalType')}
                label={t('appraisal.page.type')}
                defaultValue={f('appraisalType').defaultValue ?? c.appraisalType}
              >
                {APPRAISAL_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {APPRAISAL_TYPE_NAMES[type][locale]}
                  </option>
                ))}
              </SelectField>
              <TextArea
                {...f('advice')}
                label={t('appraisal.page.advice')}
                hint={t('appraisal.page.advice_hint')}
                rows={5}
              />
              <SelectField
                {...f('institutionId')}
                label={t('appraisal.page.institution')}
                hint={t('appraisal.page.institution_hint')}
              >
                <option value="">{t('appraisal.page.no_referral')}</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name[locale]}
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
function ReferralState({ referral, t }: { referral: Data['referrals'][string] | undefined; t: Props['t'] }) {
  const statusLabel = useReferralStatusLabel();
  if (!referral) return null;
  const answer = referral.outcomeText ?? referral.reason;
  return (
    <>
      <span className="admin-status">{statusLabel(referral.status)}</span>
      {answer ? ` · ${t('appraisal.page.institution_answer', { answer })}` : null}{' '}
    </>
  );
}
