import { formatDate, type Locale, REFERRAL_KINDS, referralKindLabel, referralStatusLabel } from '@linju/i18n';
import {
  Alert,
  Checkbox,
  CsrfField,
  Fieldset,
  type IntentFailure,
  type IntentField,
  IntentForm,
  resolvePostedChoice,
  SelectField,
  TextArea,
  TextField,
  useLandingFormAction,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form } from 'react-router';
import {
  type CasePageData,
  CaseSubmissionOutcome,
  failureIn,
  typedValue,
  useCasePage,
  useOrganisationName,
} from '../../components/case-page.tsx';
import { PartnerPicker } from '../../components/partner-picker.tsx';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { isOpenStatus } from '../../lib/cases.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { organisationChoices } from '../../lib/organisation-rules.ts';
import { isPartnerKind, type OrganisationRow } from '../../lib/organisation-tree.ts';
import { requestLocale } from '../../lib/request-locale.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/referrals';

const ENDED_REFERRAL: readonly string[] = ['completed', 'failed', 'rejected', 'cancelled'];

/** A partner without accounts answers through a one-time link: shown in this answer only (nothing keeps the token). */
const issued = <Link extends { path: string }>(link: Link, pageUrl: string) => ({
  intent: 'partner-link',
  partnerLink: { ...link, url: new URL(link.path, pageUrl).toString() },
});

/** The partners a referral or a consent names: the picker's choices, on the page and in the action. */
const partnerChoices = (organisations: readonly OrganisationRow[], locale: Locale) =>
  organisationChoices(organisations, locale, { keep: (row) => isPartnerKind(row.kind) });

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  // Without JavaScript the picker posts the typed name.
  const partner = (posted: string) =>
    resolvePostedChoice(posted, async () => partnerChoices(await caller.organisation.getMany(), locale));
  return intentAction(
    request,
    {
      consent: intent({
        fields: ['partnerOrganisationId', 'givenOn'],
        required: ['partnerOrganisationId'],
        errors: { fields: ['status'] },
        run: async (values, { refuse }) => {
          const to = await partner(values.partnerOrganisationId);
          if ('problem' in to) return refuse({ partnerOrganisationId: to.problem });
          await caller.case.recordConsent({
            caseId,
            partnerOrganisationId: to.id,
            ...(values.givenOn ? { givenOn: values.givenOn } : {}),
          });
        },
      }),
      refer: intent({
        fields: ['toOrganisationId', 'kind', 'summary', 'details'],
        required: ['toOrganisationId', 'summary'],
        check: (values) => ({
          kind: (REFERRAL_KINDS as readonly string[]).includes(values.kind)
            ? undefined
            : 'validation.required',
        }),
        errors: { fields: ['status'] },
        run: async (values, { form, refuse }) => {
          const to = await partner(values.toOrganisationId);
          if ('problem' in to) return refuse({ toOrganisationId: to.problem });
          const documentIds = form.getAll('documentIds').map(String);
          const sent = await caller.referral.create({
            caseId,
            toOrganisationId: to.id,
            kind: values.kind as (typeof REFERRAL_KINDS)[number],
            summary: values.summary,
            details: values.details || null,
            ...(documentIds.length > 0 ? { documentIds } : {}),
          });
          return sent.partnerLink ? issued(sent.partnerLink, request.url) : undefined;
        },
      }),
      'partner-link': intent({
        run: async (_values, { form }) =>
          issued(
            await caller.referral.issuePartnerLink({ referralId: formText(form, 'referralId') }),
            request.url,
          ),
      }),
      // "Fetch again": a document the partner returned with its outcome that could not be taken then.
      'outcome-document': intent({
        // Its refusal shows beside the document it concerns, not on a field.
        keep: ['referralId', 'sha256'],
        run: async (values) => {
          const fetched = await caller.referral.fetchOutcomeDocument(values);
          return { intent: 'outcome-document', fetchedDocument: { fileName: fetched.fileName } };
        },
      }),
      reroute: intent({
        fields: ['referralId', 'toOrganisationId', 'reason'],
        required: ['referralId', 'toOrganisationId', 'reason'],
        errors: { fields: ['status'] },
        run: async (values, { refuse }) => {
          const to = await partner(values.toOrganisationId);
          if ('problem' in to) return refuse({ toOrganisationId: to.problem });
          const sent = await caller.referral.reroute({ ...values, toOrganisationId: to.id });
          return sent.partnerLink ? issued(sent.partnerLink, request.url) : undefined;
        },
      }),
      'referral-note': intent({
        fields: ['referralId', 'text'],
        required: ['referralId', 'text'],
        errors: { fields: ['status'] },
        run: async (values) => {
          await caller.referral.note({ referralId: values.referralId, side: 'sender', text: values.text });
        },
      }),
      // 撤回: the sender stops a referral still under way; the partner sees the reason.
      'cancel-referral': intent({
        fields: ['referralId', 'reason'],
        required: ['referralId', 'reason'],
        errors: { fields: ['status'] },
        run: async (values) => {
          await caller.referral.cancel(values);
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'referrals') },
  );
}

/** The case's referrals to partners: the consent they need, sending, rerouting, notes, links, outcomes. */
export default function CaseReferrals({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const orgName = useOrganisationName();
  const { case: c, referrals, organisations, can, today } = useCasePage();
  const failure = failureIn(actionData);
  const partnerLink = actionData && 'partnerLink' in actionData ? actionData.partnerLink : undefined;
  const fetchedDocument =
    actionData && 'fetchedDocument' in actionData ? actionData.fetchedDocument : undefined;
  const partners = partnerChoices(organisations, locale);
  const value = (intentName: string, name: string, fallback: string) =>
    typedValue(failure, intentName, name, fallback);
  const landing = useLandingFormAction();
  // The refusal to fetch a document again shows beside that document.
  const summarised = failure?.intent === 'outcome-document' ? undefined : failure;

  return (
    <>
      <CaseSubmissionOutcome failure={summarised} answered={Boolean(partnerLink || fetchedDocument)}>
        {partnerLink ? <PartnerLinkIssued link={partnerLink} /> : null}
        {fetchedDocument ? (
          <Alert tone="success">
            <p>{t('casePage.outcome_document_fetched', { name: fetchedDocument.fileName })}</p>
          </Alert>
        ) : null}
      </CaseSubmissionOutcome>
      {referrals.length > 0 ? (
        <section aria-labelledby="referrals-heading">
          <h2 id="referrals-heading">{t('casePage.referrals_heading')}</h2>
          <ul className="admin-list">
            {referrals.map((r) => (
              <li key={r.id}>
                {referralKindLabel(locale, r.kind)} → {orgName(r.toOrganisationId)} ·{' '}
                <span className="admin-status">{referralStatusLabel(locale, r.status)}</span> ·{' '}
                {formatDate(locale, r.dueBy)}
                {r.outcomeText ? ` · ${r.outcomeText}` : ''}
                {r.oneTimeLink && can.refer && !ENDED_REFERRAL.includes(r.status) ? (
                  <Form method="post" action={landing} className="admin-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="partner-link" />
                    <input type="hidden" name="referralId" value={r.id} />
                    {' · '}
                    <button type="submit" className="lj-button lj-button--secondary admin-button--small">
                      {t('casePage.partner_link_reissue')}
                    </button>
                  </Form>
                ) : null}
                {r.missingDocuments.length > 0 ? (
                  <MissingOutcomeDocuments referral={r} canFetch={can.refer} failure={failure} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section id="actions" aria-labelledby="referral-actions-heading">
        <h2 id="referral-actions-heading">{t('casePage.actions_heading')}</h2>
        {can.refer && isOpenStatus(c.status) && partners.length > 0 ? (
          <>
            <IntentForm intent="consent" title={t('casePage.consent')} submit={t('casePage.consent_submit')}>
              {(f) => (
                <>
                  <p className="admin-muted">{t('casePage.consent_hint')}</p>
                  <PartnerPicker field={f('partnerOrganisationId')} choices={partners} />
                  <TextField
                    {...f('givenOn')}
                    type="date"
                    label={t('casePage.consent_given_on')}
                    defaultValue={value('consent', 'givenOn', today)}
                    className="admin-field--short"
                  />
                </>
              )}
            </IntentForm>
            <IntentForm intent="refer" title={t('casePage.refer')} submit={t('casePage.refer_submit')}>
              {(f) => (
                <>
                  <PartnerPicker field={f('toOrganisationId')} choices={partners} />
                  <SelectField
                    {...f('kind')}
                    label={t('casePage.referral_kind')}
                    defaultValue={value('refer', 'kind', REFERRAL_KINDS[0])}
                  >
                    {REFERRAL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {referralKindLabel(locale, k)}
                      </option>
                    ))}
                  </SelectField>
                  <TextArea {...f('summary')} label={t('casePage.referral_summary')} rows={3} />
                  <TextArea {...f('details')} label={t('casePage.referral_details')} rows={3} />
                  {c.documents.length > 0 ? (
                    <Fieldset legend={t('casePage.referral_documents')}>
                      {c.documents.map((d) => (
                        <Checkbox
                          key={String(d.id)}
                          name="documentIds"
                          value={String(d.id)}
                          label={String(d.fileName)}
                        />
                      ))}
                    </Fieldset>
                  ) : null}
                </>
              )}
            </IntentForm>
            {referrals.some((r) => r.status === 'rejected') ? (
              <IntentForm
                intent="reroute"
                title={t('casePage.reroute')}
                submit={t('casePage.reroute_submit')}
              >
                {(f) => (
                  <>
                    <p className="admin-muted">{t('casePage.reroute_hint')}</p>
                    <ReferralSelect
                      field={f('referralId')}
                      label={t('casePage.reroute_referral')}
                      referrals={referrals.filter((r) => r.status === 'rejected')}
                      withReason
                    />
                    <PartnerPicker field={f('toOrganisationId')} choices={partners} reason={f('reason')} />
                  </>
                )}
              </IntentForm>
            ) : null}
            {referrals.some((r) => !ENDED_REFERRAL.includes(r.status)) ? (
              <IntentForm
                intent="referral-note"
                title={t('casePage.referral_note')}
                submit={t('casePage.referral_note_submit')}
              >
                {(f) => (
                  <>
                    <p className="admin-muted">{t('casePage.referral_note_hint')}</p>
                    <ReferralSelect
                      field={f('referralId')}
                      label={t('casePage.referral_note_referral')}
                      referrals={referrals.filter((r) => !ENDED_REFERRAL.includes(r.status))}
                    />
                    <TextArea {...f('text')} label={t('casePage.referral_note_text')} rows={3} />
                  </>
                )}
              </IntentForm>
            ) : null}
            {referrals.some((r) => !ENDED_REFERRAL.includes(r.status)) ? (
              <IntentForm
                intent="cancel-referral"
                title={t('casePage.referral_cancel')}
                submit={t('casePage.referral_cancel_submit')}
              >
                {(f) => (
                  <>
                    <p className="admin-muted">{t('casePage.referral_cancel_hint')}</p>
                    <SelectField {...f('referralId')} label={t('casePage.referral_cancel_referral')}>
                      {referrals
                        .filter((r) => !ENDED_REFERRAL.includes(r.status))
                        .map((r) => (
                          <option key={r.id} value={r.id}>
                            {referralKindLabel(locale, r.kind)} → {orgName(r.toOrganisationId)} ·{' '}
                            {referralStatusLabel(locale, r.status)}
                          </option>
                        ))}
                    </SelectField>
                    <TextArea {...f('reason')} label={t('casePage.reason')} rows={3} />
                  </>
                )}
              </IntentForm>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

/** One of the case's referrals, named by its kind and partner (and why it was rejected, for a reroute). */
function ReferralSelect({
  field,
  label,
  referrals,
  withReason = false,
}: {
  field: ReturnType<IntentField>;
  label: string;
  referrals: CasePageData['referrals'];
  withReason?: boolean;
}) {
  const locale = useLocale();
  const orgName = useOrganisationName();
  return (
    <SelectField {...field} label={label}>
      {referrals.map((r) => (
        <option key={r.id} value={r.id}>
          {referralKindLabel(locale, r.kind)} → {orgName(r.toOrganisationId)}
          {withReason && r.reason ? ` · ${r.reason}` : ''}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The documents a partner returned with its outcome that could not be taken (its system refused
 * them, or they did not match): each named, with "fetch again" for the sending side; a refusal
 * of that shows next to the document it concerns.
 */
function MissingOutcomeDocuments({
  referral,
  canFetch,
  failure,
}: {
  referral: { id: string; missingDocuments: { sha256: string; name: string }[] };
  canFetch: boolean;
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const landing = useLandingFormAction();
  const refusal = (sha256: string) =>
    failure?.intent === 'outcome-document' &&
    failure.values.referralId === referral.id &&
    failure.values.sha256 === sha256
      ? failure.errors.form
      : [];
  return (
    <ul className="admin-list" aria-label={t('casePage.outcome_documents_missing')}>
      {referral.missingDocuments.map((d) => (
        <li key={d.sha256}>
          {t('casePage.outcome_documents_missing')}: {d.name}
          {canFetch ? (
            <Form method="post" action={landing} className="admin-inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="outcome-document" />
              <input type="hidden" name="referralId" value={referral.id} />
              <input type="hidden" name="sha256" value={d.sha256} />
              {' · '}
              <button
                type="submit"
                className="lj-button lj-button--secondary admin-button--small"
                aria-label={t('casePage.outcome_document_fetch_again_label', { name: d.name })}
              >
                {t('casePage.outcome_document_fetch_again')}
              </button>
            </Form>
          ) : null}
          {refusal(d.sha256).map((key) => (
            <p key={key} className="lj-field__error" role="alert">
              {t(key, failure?.errors.params)}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The one-time link of a partner without accounts: shown once, to pass on (no SMS/e-mail sender). */
function PartnerLinkIssued({
  link,
}: {
  link: {
    path: string;
    url?: string;
    expiresAt: Date | string;
    contact: { name: string; phone: string | null };
    sentVia: string[];
  };
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <Alert tone="success" title={t('casePage.partner_link_title')}>
      <p>
        <a href={link.path} className="admin-partner-link">
          {link.url ?? link.path}
        </a>
      </p>
      <p>
        {t('casePage.partner_link_hint', {
          partner: link.contact.name,
          phone: link.contact.phone ?? '—',
          date: formatDate(locale, link.expiresAt),
        })}
      </p>
      <p>
        {link.sentVia.length > 0
          ? t('casePage.partner_link_sent', { channels: link.sentVia.join(', ') })
          : t('casePage.partner_link_no_sender')}
      </p>
    </Alert>
  );
}
