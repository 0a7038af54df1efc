import {
  CASE_URGENCIES,
  type CaseStatus,
  CONTACT_PREFERENCES,
  caseEventLabel,
  caseLinkKindLabel,
  caseStatusLabel,
  channelLabel,
  consentPurposeLabel,
  contactPreferenceLabel,
  formatDate,
  formatDateTime,
  formatNumber,
  keyGroupLabel,
  type MessageKey,
  REFERRAL_KINDS,
  referralKindLabel,
  referralStatusLabel,
  roleLabel,
  serviceLabel,
  translate,
  urgencyLabel,
} from '@linju/i18n';
import { Alert, Button, Fieldset, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link, redirect, useLocation } from 'react-router';
import { Deadline, StatusBadge } from '../components/case-list.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, FormProblems } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { deadlineState, isOpenStatus, parseScore, statusMoves } from '../lib/cases.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_FIELD_MESSAGES, declaredType } from '../lib/document-upload.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { caseServiceLinks } from '../lib/plugin-screens.ts';
import { idParam, isForbidden, load } from '../lib/route-errors.ts';
import { signedInPerson, tenantHeader } from '../lib/session.ts';
import { megabytes, type Settled, settle, streamedForm } from '../lib/streamed-form.ts';
import {
  type FormValues,
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const caseId = params.id;
  idParam(caseId);
  const [found, chain, organisations, referrals] = await Promise.all([
    load(caller.case.get({ caseId })),
    load(caller.case.getChain({ caseId })),
    load(caller.organisation.getMany()),
    caller.referral.getMany({ caseId }).catch((error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    }),
  ]);
  // What triage may choose: the services on at the case's unit, with their categories.
  // Partner users cannot read the catalogue: they see category ids and no triage.
  const catalogue = await caller.catalogue
    .getMany({ organisationId: found.currentOrganisationId })
    .catch((error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    });
  const consents = await load(caller.consent.getMany({ caseId }));
  // The service's own pages, as its plugin declares them (`adminRoutes`, placement case-service).
  const screens = await caller.catalogue.screens();
  // Who can be assigned: the people working matters at the case's unit (no staff list needed, so a
  // desk officer can hand the case to the mediator). Refused for those who may not assign here.
  let staff:
    | {
        id: string;
        displayName: string;
        roles: string[];
        providerRecords: { misconduct: number; negativeListed: boolean };
      }[]
    | null = null;
  if (allowsAnywhere(grants, 'case.manage')) {
    try {
      staff = await caller.case.assignees({ caseId });
    } catch (error) {
      if (!isForbidden(error)) throw error;
    }
  }
  const { timeline, ...rest } = found;
  return {
    case: {
      ...rest,
      timeline: timeline.map(({ seq, at, kind, actorName, actorId, text, data }) => ({
        seq,
        at,
        kind,
        actorName,
        actorId,
        text,
        data,
      })),
    },
    people: { firstResponder: found.names.firstResponder, assignee: found.names.assignee },
    consents,
    chain,
    referrals,
    organisations: organisations.map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
      id,
      parentId,
      kind,
      nameZh,
      nameEn,
      closedAt,
    })),
    staff,
    serviceLinks: caseServiceLinks(
      tenantHeader(me).slug,
      caseId,
      grants,
      screens.caseService[found.serviceType],
    ),
    services: catalogue
      .filter((service) => service.enabled)
      .map(({ pluginId, name, categories }) => ({ pluginId, name, categories })),
    can: {
      manage: allowsAnywhere(grants, 'case.manage'),
      handle: allowsAnywhere(grants, 'case.handle'),
      refer: allowsAnywhere(grants, 'referral.send'),
    },
    today: todayIn(),
    uploadMax: megabytes(getAdminContext(context).uploadMaxBytes),
  };
}

const fail = (intent: string, fields: Record<string, MessageKey | undefined>, values: FormValues) => {
  const local = localFailure(fields);
  return local ? rejectIntent(intent, local, values) : undefined;
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  // A document streams into the store, in its own attach's transaction, while the form arrives.
  let attached: Settled<unknown> | undefined;
  const form = await streamedForm(request, async (file, fields) => {
    if (formText(fields, 'intent') !== 'attach' || file.field !== 'file' || attached) return;
    attached = await settle(
      caller.case.attachDocument({
        caseId,
        fileName: file.fileName,
        contentType: declaredType(file.fileName, file.contentType),
        content: file.content,
      }),
    );
  });
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  const done = () => redirect(`${tenantPaths.case(slug, caseId)}?done=${intent}#actions`);
  const run = async (fields: string[], values: FormValues, call: () => Promise<unknown>) => {
    try {
      await call();
      return done();
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields: [...fields, 'status'] }, values);
    }
  };

  switch (intent) {
    case 'reveal': {
      const field = text('field') === 'idNumber' ? 'idNumber' : 'phone';
      try {
        const { value } = await caller.case.revealResident({ caseId, field });
        // Shown in this response only; nothing keeps it.
        return { intent, revealed: { field, value: value ?? '—' } };
      } catch (error) {
        return rejectIntentApiError(intent, error, { fields: [] });
      }
    }
    case 'triage': {
      const values = {
        serviceType: text('serviceType'),
        category: text('category'),
        urgency: text('urgency'),
        note: text('note'),
      };
      return run(['serviceType', 'category', 'urgency', 'note'], values, () =>
        caller.case.triage({
          caseId,
          serviceType: values.serviceType || 'undecided',
          category: values.category || null,
          urgency: (CASE_URGENCIES as readonly string[]).includes(values.urgency)
            ? (values.urgency as (typeof CASE_URGENCIES)[number])
            : undefined,
          note: values.note || null,
        }),
      );
    }
    case 'assign': {
      const values = {
        assigneeId: text('assigneeId'),
        conflictReason: text('conflictReason'),
        negativeListReason: text('negativeListReason'),
      };
      return (
        fail(intent, { assigneeId: values.assigneeId ? undefined : 'validation.required' }, values) ??
        run(['assigneeId', 'conflictReason', 'negativeListReason'], values, () =>
          caller.case.assign({
            caseId,
            assigneeId: values.assigneeId,
            conflictReason: values.conflictReason || null,
            negativeListReason: values.negativeListReason || null,
          }),
        )
      );
    }
    case 'transfer': {
      const values = { organisationId: text('organisationId'), reason: text('reason') };
      return (
        fail(
          intent,
          {
            organisationId: values.organisationId ? undefined : 'validation.required',
            reason: values.reason ? undefined : 'validation.required',
          },
          values,
        ) ?? run(['organisationId', 'reason'], values, () => caller.case.transfer({ caseId, ...values }))
      );
    }
    case 'status': {
      const values = { status: text('status'), reason: text('reason') };
      return (
        fail(intent, { status: values.status ? undefined : 'validation.required' }, values) ??
        run(['status', 'reason'], values, () =>
          caller.case.setStatus({
            caseId,
            status: values.status as 'in-progress' | 'resolved' | 'closed' | 'withdrawn' | 'rejected',
            reason: values.reason || null,
          }),
        )
      );
    }
    case 'waiting': {
      const values = { note: text('note') };
      return run(['note'], values, () =>
        caller.case.setWaiting({ caseId, waiting: text('waiting') === 'true', note: values.note || null }),
      );
    }
    case 'note': {
      const values = { text: text('text') };
      return (
        fail(intent, { text: values.text ? undefined : 'validation.required' }, values) ??
        run(['text'], values, () => caller.case.addNote({ caseId, text: values.text }))
      );
    }
    case 'feedback': {
      const values = { method: text('method'), summary: text('summary'), methodReason: text('methodReason') };
      const invalid = fail(intent, { summary: values.summary ? undefined : 'validation.required' }, values);
      if (invalid) return invalid;
      try {
        const told = await caller.case.recordFeedback({
          caseId,
          method: (CONTACT_PREFERENCES as readonly string[]).includes(values.method)
            ? (values.method as (typeof CONTACT_PREFERENCES)[number])
            : undefined,
          summary: values.summary,
          methodReason: values.methodReason || null,
        });
        // The resident's one-time rating code is shown in this response only; nothing keeps it.
        return told.ratingCode ? { intent, ratingCode: told.ratingCode } : done();
      } catch (error) {
        return rejectIntentApiError(
          intent,
          error,
          { fields: ['method', 'summary', 'methodReason', 'status'] },
          values,
        );
      }
    }
    case 'rating-code': {
      try {
        return { intent, ratingCode: await caller.case.issueRatingCode({ caseId }) };
      } catch (error) {
        return rejectIntentApiError(intent, error, { fields: [] });
      }
    }
    case 'resident-consent': {
      const values = { purpose: text('purpose'), givenOn: text('givenOn') };
      const purpose =
        values.purpose === 'record-keeping' || values.purpose === 'feedback-contact' ? values.purpose : null;
      return (
        fail(intent, { purpose: purpose ? undefined : 'validation.required' }, values) ??
        run(['purpose', 'givenOn'], values, () =>
          caller.consent.create({
            caseId,
            purpose: purpose ?? 'record-keeping',
            ...(values.givenOn ? { givenOn: values.givenOn } : {}),
          }),
        )
      );
    }
    case 'withdraw-consent': {
      return run([], {}, () => caller.consent.withdraw({ caseId, consentId: text('consentId') }));
    }
    case 'satisfaction': {
      const values = { score: text('score'), comment: text('comment') };
      const score = parseScore(values.score);
      return (
        fail(intent, { score: score === undefined ? 'case.score_range' : undefined }, values) ??
        run(['score', 'comment'], values, () =>
          caller.case.recordSatisfaction({ caseId, score: score ?? 0, comment: values.comment || null }),
        )
      );
    }
    case 'consent': {
      const values = { partnerOrganisationId: text('partnerOrganisationId'), givenOn: text('givenOn') };
      return (
        fail(
          intent,
          { partnerOrganisationId: values.partnerOrganisationId ? undefined : 'validation.required' },
          values,
        ) ??
        run(['partnerOrganisationId', 'givenOn'], values, () =>
          caller.case.recordConsent({
            caseId,
            partnerOrganisationId: values.partnerOrganisationId,
            ...(values.givenOn ? { givenOn: values.givenOn } : {}),
          }),
        )
      );
    }
    case 'refer': {
      const values = {
        toOrganisationId: text('toOrganisationId'),
        kind: text('kind'),
        summary: text('summary'),
        details: text('details'),
      };
      return (
        fail(
          intent,
          {
            toOrganisationId: values.toOrganisationId ? undefined : 'validation.required',
            kind: (REFERRAL_KINDS as readonly string[]).includes(values.kind)
              ? undefined
              : 'validation.required',
            summary: values.summary ? undefined : 'validation.required',
          },
          values,
        ) ??
        (await sendReferral(caller, caseId, values, {
          intent,
          done,
          pageUrl: request.url,
          documentIds: form.getAll('documentIds').map(String),
        }))
      );
    }
    case 'partner-link': {
      try {
        const link = await caller.referral.issuePartnerLink({ referralId: text('referralId') });
        return { intent, partnerLink: { ...link, url: new URL(link.path, request.url).toString() } };
      } catch (error) {
        return rejectIntentApiError(intent, error, { fields: [] });
      }
    }
    case 'outcome-document': {
      // "Fetch again": a document the partner returned with its outcome that could not be taken then.
      const values = { referralId: text('referralId'), sha256: text('sha256') };
      try {
        const fetched = await caller.referral.fetchOutcomeDocument(values);
        return { intent, fetchedDocument: { fileName: fetched.fileName } };
      } catch (error) {
        return rejectIntentApiError(intent, error, { fields: [] }, values);
      }
    }
    case 'reroute': {
      const values = {
        referralId: text('referralId'),
        toOrganisationId: text('toOrganisationId'),
        reason: text('reason'),
      };
      return (
        fail(
          intent,
          {
            referralId: values.referralId ? undefined : 'validation.required',
            toOrganisationId: values.toOrganisationId ? undefined : 'validation.required',
            reason: values.reason ? undefined : 'validation.required',
          },
          values,
        ) ??
        (await (async () => {
          try {
            const sent = await caller.referral.reroute(values);
            const link = sent.partnerLink;
            // The new partner answers through a one-time link: shown now, once.
            return link
              ? { intent, partnerLink: { ...link, url: new URL(link.path, request.url).toString() } }
              : done();
          } catch (error) {
            return rejectIntentApiError(
              intent,
              error,
              { fields: ['referralId', 'toOrganisationId', 'reason', 'status'] },
              values,
            );
          }
        })())
      );
    }
    case 'referral-note': {
      const values = { referralId: text('referralId'), text: text('text') };
      return (
        fail(
          intent,
          {
            referralId: values.referralId ? undefined : 'validation.required',
            text: values.text ? undefined : 'validation.required',
          },
          values,
        ) ??
        run(['referralId', 'text'], values, () =>
          caller.referral.note({ referralId: values.referralId, side: 'sender', text: values.text }),
        )
      );
    }
    case 'attach': {
      if (!attached) {
        return rejectIntent(intent, {
          status: 400,
          errors: { form: [], fields: { file: 'validation.required' } },
        });
      }
      if (attached.ok) return done();
      return rejectIntentApiError(intent, attached.error, {
        fields: ['file'],
        fieldForPath: { contentBase64: 'file', fileName: 'file', contentType: 'file' },
        fieldForMessage: DOCUMENT_FIELD_MESSAGES('file'),
      });
    }
  }
  return rejectUnknownIntent(intent);
}

type LoaderData = Route.ComponentProps['loaderData'];

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  serviceType: 'casePage.service',
  category: 'casePage.category',
  urgency: 'casePage.urgency',
  note: 'casePage.note',
  assigneeId: 'casePage.assignee_id',
  conflictReason: 'casePage.conflict_reason',
  negativeListReason: 'casePage.negative_list_reason',
  organisationId: 'casePage.transfer_to',
  reason: 'casePage.reason',
  status: 'casePage.new_status',
  text: 'casePage.note_text',
  method: 'casePage.feedback_method',
  summary: 'casePage.feedback_summary',
  methodReason: 'casePage.method_reason',
  score: 'casePage.score',
  comment: 'casePage.comment',
  partnerOrganisationId: 'casePage.partner',
  givenOn: 'casePage.consent_given_on',
  purpose: 'casePage.consent_purpose',
  toOrganisationId: 'casePage.partner',
  kind: 'casePage.referral_kind',
  details: 'casePage.referral_details',
  referralId: 'casePage.reroute_referral',
  file: 'casePage.file',
};

export default function CasePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const {
    case: c,
    people,
    consents,
    chain,
    referrals,
    organisations,
    staff,
    serviceLinks,
    services,
    can,
    today,
    uploadMax,
  } = loaderData;
  const categoryName = (id: string) =>
    services.find((service) => service.pluginId === c.serviceType)?.categories.find((x) => x.id === id)?.name[
      locale
    ] ?? id;
  const ratingCode = actionData && 'ratingCode' in actionData ? actionData.ratingCode : undefined;
  const partnerLink = actionData && 'partnerLink' in actionData ? actionData.partnerLink : undefined;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  const revealed = actionData && 'revealed' in actionData ? actionData.revealed : undefined;
  const fetchedDocument =
    actionData && 'fetchedDocument' in actionData ? actionData.fetchedDocument : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const orgName = (id: string | null | undefined) => {
    const row = organisations.find((o) => o.id === id);
    return row ? organisationName(row, locale) : '—';
  };
  const options = organisationOptions(organisations, locale);
  const open = isOpenStatus(c.status);
  const moves = statusMoves(c.status);
  const partners = { network: [], partners: options.partners };
  const network = { network: options.network.filter((o) => o.id !== c.currentOrganisationId), partners: [] };
  const summaryFields = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: t(FIELD_LABELS[name] ?? 'casePage.note'),
        id: `${failure.intent}-${name}`,
      }))
    : [];

  return (
    <>
      <DocumentTitle title={t('casePage.title', { number: c.number })} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields} />
      {partnerLink ? <PartnerLinkIssued link={partnerLink} /> : null}
      {fetchedDocument ? (
        <Alert tone="success">
          <p>{t('casePage.outcome_document_fetched', { name: fetchedDocument.fileName })}</p>
        </Alert>
      ) : null}
      {done && !failure && !ratingCode && !partnerLink ? (
        <Alert tone="success">
          <p>{t('casePage.done')}</p>
        </Alert>
      ) : null}
      {ratingCode ? (
        <Alert tone="success" title={t('casePage.rating_code_title')}>
          <p className="admin-rating-code">{ratingCode.code}</p>
          <p>
            {t('casePage.rating_code_hint', {
              path: '/rate',
              date: formatDate(locale, ratingCode.expiresAt),
            })}
          </p>
        </Alert>
      ) : null}
      <h1 className="admin-case-title">
        <span className="admin-case-number">{c.number}</span> <StatusBadge status={c.status} />
      </h1>
      <dl className="admin-details admin-case-header">
        <dt>{t('casePage.service')}</dt>
        <dd>
          {serviceLabel(locale, c.serviceType)}
          {c.category ? ` · ${categoryName(c.category)}` : ''}
        </dd>
        <dt>{t('casePage.urgency')}</dt>
        <dd>{urgencyLabel(locale, c.urgency)}</dd>
        <dt>{t('casePage.deadline')}</dt>
        <dd>
          <Deadline dueOn={c.dueOn} state={deadlineState(c, today)} waiting={c.waitingForResident} />
        </dd>
        <dt>{t('casePage.first_responder')}</dt>
        <dd>{people.firstResponder ?? '—'}</dd>
        <dt>{t('casePage.assignee')}</dt>
        <dd>{c.assigneeId ? (people.assignee ?? '—') : t('casePage.unassigned')}</dd>
        <dt>{t('casePage.unit')}</dt>
        <dd>{orgName(c.currentOrganisationId)}</dd>
        <dt>{t('casePage.channel')}</dt>
        <dd>{channelLabel(locale, c.channel)}</dd>
        <dt>{t('casePage.received')}</dt>
        <dd>{formatDateTime(locale, c.receivedAt)}</dd>
      </dl>
      <h2>{t('casePage.description')}</h2>
      <p className="admin-prewrap">{c.description}</p>
      {/* A service's own work (mediation record, notary booking, legal-aid decision…) has its own pages. */}
      {serviceLinks.map((link) => (
        <p key={link.key}>
          <Link to={link.to}>{link.label[locale === 'en' ? 'en' : 'zh-CN']}</Link>
        </p>
      ))}

      <section aria-labelledby="resident-heading">
        <h2 id="resident-heading">{t('casePage.resident_heading')}</h2>
        <dl className="admin-details">
          <dt>{t('intake.name')}</dt>
          <dd>{c.resident.name}</dd>
          <dt>{t('intake.phone')}</dt>
          <dd>
            {revealed?.field === 'phone' ? revealed.value : (c.resident.phoneMasked ?? '—')}
            {c.resident.phoneMasked && can.handle && revealed?.field !== 'phone' ? (
              <RevealButton field="phone" label={t('casePage.reveal_phone')} />
            ) : null}
          </dd>
          <dt>{t('intake.id_number')}</dt>
          <dd>
            {revealed?.field === 'idNumber' ? revealed.value : (c.resident.idNumberMasked ?? '—')}
            {c.resident.idNumberMasked && can.handle && revealed?.field !== 'idNumber' ? (
              <RevealButton field="idNumber" label={t('casePage.reveal_id')} />
            ) : null}
          </dd>
          <dt>{t('intake.key_groups')}</dt>
          <dd>{c.resident.keyGroups.map((g) => keyGroupLabel(locale, g)).join('、') || '—'}</dd>
          <dt>{t('intake.contact_preference')}</dt>
          <dd>{contactPreferenceLabel(locale, c.resident.contactPreference)}</dd>
        </dl>
        <p className="admin-muted">{t('casePage.reveal_note')}</p>
        {c.parties.length > 0 ? (
          <>
            <h3>{t('casePage.parties')}</h3>
            <ul className="admin-list">
              {c.parties.map((p) => (
                <li key={p.id}>
                  {p.name} ({p.role}){p.idNumberMasked ? ` · ${p.idNumberMasked}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {c.satisfaction ? (
          <p>
            {t('casePage.satisfaction')}: {t('casePage.satisfaction_value', { score: c.satisfaction.score })}
            {c.satisfaction.comment ? ` · ${c.satisfaction.comment}` : ''}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">{t('casePage.consents_heading')}</h2>
        {consents.length === 0 ? (
          <p className="admin-muted">{t('casePage.consents_none')}</p>
        ) : (
          <ul className="admin-list">
            {consents.map((k) => (
              <li key={k.id}>
                {consentPurposeLabel(locale, k.purpose)}
                {k.partnerOrganisationId
                  ? ` · ${locale === 'en' ? (k.partnerNameEn ?? '') : (k.partnerNameZh ?? '')}`
                  : ''}
                {' · '}
                {t('casePage.consent_given', { date: formatDate(locale, k.givenOn) })}
                {k.withdrawnOn ? (
                  ` · ${t('casePage.consent_withdrawn', { date: formatDate(locale, k.withdrawnOn) })}`
                ) : can.handle ? (
                  <Form method="post" className="admin-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="withdraw-consent" />
                    <input type="hidden" name="consentId" value={k.id} />
                    <Button type="submit" variant="secondary">
                      {t('casePage.consent_withdraw')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t('casePage.chain_heading')}</h2>
        {chain.cases.length <= 1 ? (
          <p className="admin-muted">{t('casePage.chain_none')}</p>
        ) : (
          <ol className="admin-chain">
            {chain.cases.map((link) => {
              const via = chain.links.find((l) => l.toCaseId === link.id);
              return (
                <li key={link.id} aria-current={link.id === c.id ? 'true' : undefined}>
                  {via ? <span className="admin-muted">{caseLinkKindLabel(locale, via.kind)} → </span> : null}
                  {link.restricted ? (
                    <span>
                      {link.number} {t('casePage.restricted')}
                    </span>
                  ) : (
                    <Link to={tenantPaths.case(tenant.slug, link.id)}>{link.number}</Link>
                  )}{' '}
                  · {serviceLabel(locale, link.serviceType)} · {caseStatusLabel(locale, link.status)}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {c.documents.length > 0 ? (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('casePage.documents_heading')}</h2>
          <ul className="admin-list">
            {c.documents.map((d) => (
              <li key={String(d.id)}>
                <a
                  href={`${tenantPaths.case(tenant.slug, c.id)}/documents/${String(d.id)}`}
                  aria-label={t('casePage.document_download', { name: String(d.fileName) })}
                >
                  {String(d.fileName)}
                </a>{' '}
                · {formatNumber(locale, Number(d.sizeBytes ?? 0))} B
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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
                  <Form method="post" className="admin-inline-form">
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

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('casePage.timeline_heading')}</h2>
        <ol className="admin-timeline">
          {c.timeline.map((e) => (
            <li key={e.seq}>
              <p className="admin-timeline__head">
                <strong>{caseEventLabel(locale, e.kind)}</strong> · {e.actorName} ·{' '}
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
              </p>
              {eventDetail(e, locale, orgName)}
              {e.text ? <p className="admin-prewrap">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section id="actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('casePage.actions_heading')}</h2>
        {can.manage && open ? (
          <Action
            intent="triage"
            title={t('casePage.triage')}
            failure={failure}
            submit={t('casePage.triage_submit')}
          >
            {(f) => (
              <>
                {/* The services on at the case's unit and their categories, from the catalogue. */}
                <SelectField
                  {...f('serviceType')}
                  label={t('casePage.service')}
                  defaultValue={value(failure, 'triage', 'serviceType', c.serviceType)}
                >
                  <option value="undecided">{serviceLabel(locale, 'undecided')}</option>
                  {services.map((service) => (
                    <option key={service.pluginId} value={service.pluginId}>
                      {service.name[locale]}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  {...f('category')}
                  label={t('casePage.category')}
                  hint={t('casePage.category_hint')}
                  defaultValue={value(failure, 'triage', 'category', c.category ?? '')}
                >
                  <option value="">—</option>
                  {services
                    .filter((service) => service.categories.length > 0)
                    .map((service) => (
                      <optgroup key={service.pluginId} label={service.name[locale]}>
                        {service.categories.map((category) => (
                          <option key={category.id} value={category.id}>
                            {category.name[locale]}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                </SelectField>
                <SelectField
                  {...f('urgency')}
                  label={t('casePage.urgency')}
                  defaultValue={value(failure, 'triage', 'urgency', c.urgency)}
                >
                  {CASE_URGENCIES.map((u) => (
                    <option key={u} value={u}>
                      {urgencyLabel(locale, u)}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('note')} label={t('casePage.note')} />
              </>
            )}
          </Action>
        ) : null}
        {can.manage && open ? (
          <Action
            intent="assign"
            title={t('casePage.assign')}
            failure={failure}
            submit={t('casePage.assign_submit')}
          >
            {(f) => (
              <>
                {staff ? (
                  <SelectField
                    {...f('assigneeId')}
                    label={t('casePage.assignee_id')}
                    defaultValue={value(failure, 'assign', 'assigneeId', c.assigneeId ?? '')}
                  >
                    <option value="">—</option>
                    {staff.map((p) => (
                      <option key={p.id} value={p.id}>
                        {`${p.displayName} · ${p.roles.map((role) => roleLabel(locale, role)).join('、')}${providerMark(t, p.providerRecords)}`}
                      </option>
                    ))}
                  </SelectField>
                ) : (
                  <TextField
                    {...f('assigneeId')}
                    label={t('casePage.assignee_id')}
                    hint={t('casePage.no_staff')}
                    defaultValue={value(failure, 'assign', 'assigneeId', '')}
                  />
                )}
                {staff?.some((p) => p.providerRecords.negativeListed || p.providerRecords.misconduct > 0) ? (
                  <Alert tone="warning">
                    <p>{t('casePage.provider_records_warning')}</p>
                    <ul>
                      {staff
                        .filter((p) => p.providerRecords.negativeListed || p.providerRecords.misconduct > 0)
                        .map((p) => (
                          <li key={p.id}>
                            {p.displayName}
                            {providerMark(t, p.providerRecords)}
                          </li>
                        ))}
                    </ul>
                  </Alert>
                ) : null}
                {failure?.intent === 'assign' &&
                (failure.errors.fields.conflictReason || value(failure, 'assign', 'conflictReason', '')) ? (
                  <TextArea
                    {...f('conflictReason')}
                    label={t('casePage.conflict_reason')}
                    defaultValue={value(failure, 'assign', 'conflictReason', '')}
                  />
                ) : null}
                {failure?.intent === 'assign' &&
                (failure.errors.fields.negativeListReason ||
                  value(failure, 'assign', 'negativeListReason', '')) ? (
                  <TextArea
                    {...f('negativeListReason')}
                    label={t('casePage.negative_list_reason')}
                    defaultValue={value(failure, 'assign', 'negativeListReason', '')}
                  />
                ) : null}
              </>
            )}
          </Action>
        ) : null}
        {can.manage && open ? (
          <Action
            intent="transfer"
            title={t('casePage.transfer')}
            failure={failure}
            submit={t('casePage.transfer_submit')}
          >
            {(f) => (
              <>
                <OrganisationSelect
                  {...f('organisationId')}
                  label={t('casePage.transfer_to')}
                  options={network}
                  placeholder="—"
                />
                <TextArea {...f('reason')} label={t('casePage.reason')} />
              </>
            )}
          </Action>
        ) : null}
        {can.handle && moves.length > 0 ? (
          <Action
            intent="status"
            title={t('casePage.set_status')}
            failure={failure}
            submit={t('casePage.set_status_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('status')}
                  label={t('casePage.new_status')}
                  defaultValue={value(failure, 'status', 'status', moves[0] ?? '')}
                >
                  {moves.map((s: CaseStatus) => (
                    <option key={s} value={s}>
                      {caseStatusLabel(locale, s)}
                    </option>
                  ))}
                </SelectField>
                <TextArea
                  {...f('reason')}
                  label={t('casePage.reason')}
                  hint={t('casePage.status_reason_hint')}
                />
              </>
            )}
          </Action>
        ) : null}
        {can.handle && open ? (
          <Action
            intent="waiting"
            title={t('casePage.waiting')}
            failure={failure}
            submit={c.waitingForResident ? t('casePage.waiting_off') : t('casePage.waiting_on')}
            hidden={{ waiting: String(!c.waitingForResident) }}
          >
            {(f) => <TextArea {...f('note')} label={t('casePage.note')} />}
          </Action>
        ) : null}
        {can.handle ? (
          <Action
            intent="note"
            title={t('casePage.add_note')}
            failure={failure}
            submit={t('casePage.add_note_submit')}
          >
            {(f) => <TextArea {...f('text')} label={t('casePage.note_text')} />}
          </Action>
        ) : null}
        {can.handle ? (
          <Action
            intent="attach"
            title={t('casePage.attach')}
            failure={failure}
            submit={t('casePage.attach_submit')}
            multipart
          >
            {(f) => (
              <TextField
                {...f('file')}
                type="file"
                label={t('casePage.file')}
                hint={t('casePage.file_hint', { max: uploadMax })}
                accept={DOCUMENT_ACCEPT}
              />
            )}
          </Action>
        ) : null}
        {can.handle && c.status === 'resolved' ? (
          <Action
            intent="feedback"
            title={t('casePage.feedback')}
            failure={failure}
            submit={t('casePage.feedback_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('method')}
                  label={t('casePage.feedback_method')}
                  defaultValue={value(failure, 'feedback', 'method', c.resident.contactPreference)}
                >
                  {CONTACT_PREFERENCES.map((p) => (
                    <option key={p} value={p}>
                      {contactPreferenceLabel(locale, p)}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('summary')} label={t('casePage.feedback_summary')} />
                <TextArea {...f('methodReason')} label={t('casePage.method_reason')} />
              </>
            )}
          </Action>
        ) : null}
        {can.handle ? (
          <Action
            intent="resident-consent"
            title={t('casePage.resident_consent')}
            failure={failure}
            submit={t('casePage.consent_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('purpose')}
                  label={t('casePage.consent_purpose')}
                  defaultValue={value(failure, 'resident-consent', 'purpose', 'feedback-contact')}
                >
                  {(['feedback-contact', 'record-keeping'] as const).map((p) => (
                    <option key={p} value={p}>
                      {consentPurposeLabel(locale, p)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  {...f('givenOn')}
                  type="date"
                  label={t('casePage.consent_given_on')}
                  defaultValue={value(failure, 'resident-consent', 'givenOn', today)}
                  className="admin-field--short"
                />
              </>
            )}
          </Action>
        ) : null}
        {can.handle && !c.satisfaction && (c.status === 'feedback-given' || c.status === 'closed') ? (
          <Action
            intent="rating-code"
            title={t('casePage.rating_code')}
            failure={failure}
            submit={t('casePage.rating_code_submit')}
          >
            {() => <p className="admin-muted">{t('casePage.rating_code_explain')}</p>}
          </Action>
        ) : null}
        {can.handle && !c.satisfaction && (c.status === 'feedback-given' || c.status === 'closed') ? (
          <Action
            intent="satisfaction"
            title={t('casePage.satisfaction')}
            failure={failure}
            submit={t('casePage.satisfaction_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('score')}
                  label={t('casePage.score')}
                  defaultValue={value(failure, 'satisfaction', 'score', '5')}
                >
                  {['5', '4', '3', '2', '1'].map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('comment')} label={t('casePage.comment')} />
              </>
            )}
          </Action>
        ) : null}
        {can.refer && open && partners.partners.length > 0 ? (
          <>
            <Action
              intent="consent"
              title={t('casePage.consent')}
              failure={failure}
              submit={t('casePage.consent_submit')}
            >
              {(f) => (
                <>
                  <p className="admin-muted">{t('casePage.consent_hint')}</p>
                  <OrganisationSelect
                    {...f('partnerOrganisationId')}
                    label={t('casePage.partner')}
                    options={partners}
                    placeholder="—"
                  />
                  <TextField
                    {...f('givenOn')}
                    type="date"
                    label={t('casePage.consent_given_on')}
                    defaultValue={value(failure, 'consent', 'givenOn', today)}
                    className="admin-field--short"
                  />
                </>
              )}
            </Action>
            <Action
              intent="refer"
              title={t('casePage.refer')}
              failure={failure}
              submit={t('casePage.refer_submit')}
            >
              {(f) => (
                <>
                  <OrganisationSelect
                    {...f('toOrganisationId')}
                    label={t('casePage.partner')}
                    options={partners}
                    placeholder="—"
                  />
                  <SelectField
                    {...f('kind')}
                    label={t('casePage.referral_kind')}
                    defaultValue={value(failure, 'refer', 'kind', REFERRAL_KINDS[0])}
                  >
                    {REFERRAL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {referralKindLabel(locale, k)}
                      </option>
                    ))}
                  </SelectField>
                  <TextArea {...f('summary')} label={t('casePage.referral_summary')} />
                  <TextArea {...f('details')} label={t('casePage.referral_details')} />
                  {c.documents.length > 0 ? (
                    <Fieldset legend={t('casePage.referral_documents')}>
                      {c.documents.map((d) => (
                        <div key={String(d.id)} className="lj-checkbox">
                          <input
                            className="lj-checkbox__input"
                            type="checkbox"
                            id={`refer-document-${String(d.id)}`}
                            name="documentIds"
                            value={String(d.id)}
                          />
                          <label className="lj-checkbox__label" htmlFor={`refer-document-${String(d.id)}`}>
                            {String(d.fileName)}
                          </label>
                        </div>
                      ))}
                    </Fieldset>
                  ) : null}
                </>
              )}
            </Action>
            {referrals.some((r) => r.status === 'rejected') ? (
              <Action
                intent="reroute"
                title={t('casePage.reroute')}
                failure={failure}
                submit={t('casePage.reroute_submit')}
              >
                {(f) => (
                  <>
                    <p className="admin-muted">{t('casePage.reroute_hint')}</p>
                    <SelectField {...f('referralId')} label={t('casePage.reroute_referral')}>
                      {referrals
                        .filter((r) => r.status === 'rejected')
                        .map((r) => (
                          <option key={r.id} value={r.id}>
                            {referralKindLabel(locale, r.kind)} → {orgName(r.toOrganisationId)}
                            {r.reason ? ` · ${r.reason}` : ''}
                          </option>
                        ))}
                    </SelectField>
                    <OrganisationSelect
                      {...f('toOrganisationId')}
                      label={t('casePage.partner')}
                      options={partners}
                      placeholder="—"
                    />
                    <TextArea {...f('reason')} label={t('casePage.reason')} />
                  </>
                )}
              </Action>
            ) : null}
            {referrals.some((r) => !ENDED_REFERRAL.includes(r.status)) ? (
              <Action
                intent="referral-note"
                title={t('casePage.referral_note')}
                failure={failure}
                submit={t('casePage.referral_note_submit')}
              >
                {(f) => (
                  <>
                    <p className="admin-muted">{t('casePage.referral_note_hint')}</p>
                    <SelectField {...f('referralId')} label={t('casePage.referral_note_referral')}>
                      {referrals
                        .filter((r) => !ENDED_REFERRAL.includes(r.status))
                        .map((r) => (
                          <option key={r.id} value={r.id}>
                            {referralKindLabel(locale, r.kind)} → {orgName(r.toOrganisationId)}
                          </option>
                        ))}
                    </SelectField>
                    <TextArea {...f('text')} label={t('casePage.referral_note_text')} />
                  </>
                )}
              </Action>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

type Failure = ReturnType<typeof failureOf>;

/** Beside a name to assign: on the negative list, or how many active misconduct records. */
const providerMark = (
  t: ReturnType<typeof useTranslate>,
  records: { misconduct: number; negativeListed: boolean },
) =>
  [
    records.negativeListed ? t('casePage.provider_negative_listed') : null,
    records.misconduct > 0 ? t('casePage.provider_misconduct', { count: records.misconduct }) : null,
  ]
    .filter(Boolean)
    .map((mark) => ` · ${mark}`)
    .join('');

const value = (failure: Failure, intent: string, name: string, fallback: string) =>
  failure?.intent === intent ? (failure.values[name] ?? fallback) : fallback;

const ENDED_REFERRAL: readonly string[] = ['completed', 'failed', 'rejected', 'cancelled'];

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
  failure: ReturnType<typeof failureOf> | undefined;
}) {
  const t = useTranslate();
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
            <Form method="post" className="admin-inline-form">
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

/**
 * Sends the referral; a partner without accounts gets a one-time link, shown in this answer only
 * (nothing keeps the token), so the page shows it instead of redirecting.
 */
async function sendReferral(
  caller: ReturnType<typeof getAdminContext>['caller'],
  caseId: string,
  values: FormValues,
  {
    intent,
    done,
    pageUrl,
    documentIds,
  }: { intent: string; done: () => Response; pageUrl: string; documentIds: string[] },
) {
  try {
    const sent = await caller.referral.create({
      caseId,
      toOrganisationId: values.toOrganisationId ?? '',
      kind: values.kind as (typeof REFERRAL_KINDS)[number],
      summary: values.summary ?? '',
      details: values.details || null,
      ...(documentIds.length > 0 ? { documentIds } : {}),
    });
    const link = sent.partnerLink;
    return link ? { intent, partnerLink: { ...link, url: new URL(link.path, pageUrl).toString() } } : done();
  } catch (error) {
    return rejectIntentApiError(
      intent,
      error,
      { fields: ['toOrganisationId', 'kind', 'summary', 'details', 'status'] },
      values,
    );
  }
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

function eventDetail(
  e: LoaderData['case']['timeline'][number],
  locale: 'zh-CN' | 'en',
  orgName: (id: string | null | undefined) => string,
): ReactNode {
  const data = e.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (e.kind === 'status' && str(data.to)) {
    return (
      <p>
        {caseStatusLabel(locale, str(data.from) ?? '')} → {caseStatusLabel(locale, str(data.to) ?? '')}
      </p>
    );
  }
  if (e.kind === 'transferred')
    return <p>{`${orgName(str(data.fromOrganisationId))} → ${orgName(str(data.toOrganisationId))}`}</p>;
  if (e.kind === 'assigned' && str(data.assigneeName)) return <p>{str(data.assigneeName)}</p>;
  if (e.kind === 'triaged' && str(data.serviceType))
    return <p>{serviceLabel(locale, str(data.serviceType) ?? '')}</p>;
  if (e.kind === 'document' && str(data.fileName)) return <p>{str(data.fileName)}</p>;
  // A note to or from the partner (spec: `note`): whose it is; its text follows as the entry's text.
  if (e.kind === 'referral' && data.event === 'note') {
    return (
      <p>
        {translate(
          locale,
          data.party === 'receiver'
            ? 'casePage.referral_note_from_partner'
            : 'casePage.referral_note_to_partner',
        )}{' '}
        · {orgName(str(data.partnerOrganisationId))}
      </p>
    );
  }
  return null;
}

function RevealButton({ field, label }: { field: 'phone' | 'idNumber'; label: string }) {
  return (
    <Form method="post" className="admin-inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="reveal" />
      <input type="hidden" name="field" value={field} />
      <button type="submit" className="lj-button lj-button--secondary admin-button--small">
        {label}
      </button>
    </Form>
  );
}

function TextArea({
  name,
  id,
  label,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: string;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'lj-field lj-field--error' : 'lj-field'}>
      <label className="lj-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="lj-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="lj-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        className="lj-field__input admin-textarea"
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** One action of the case page: a disclosure with its own form, errors next to its fields. */
function Action({
  intent,
  title,
  failure,
  submit,
  hidden = {},
  multipart = false,
  children,
}: {
  intent: string;
  title: string;
  failure: Failure;
  submit: string;
  hidden?: Record<string, string>;
  multipart?: boolean;
  children: (field: (name: string) => { name: string; id: string; error: string | undefined }) => ReactNode;
}) {
  const t = useTranslate();
  const { key } = useLocation();
  const mine = failure?.intent === intent ? failure : undefined;
  const field = (name: string) => {
    const key = mine?.errors.fields[name];
    return { name, id: `${intent}-${name}`, error: key ? t(key, mine?.errors.params) : undefined };
  };
  return (
    // Keyed by navigation, so a form closes and clears once it succeeded.
    <details key={key} className="admin-disclosure" open={Boolean(mine)}>
      <summary>{title}</summary>
      <Form
        method="post"
        className="lj-form"
        noValidate
        encType={multipart ? 'multipart/form-data' : undefined}
      >
        <CsrfField />
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        <FormProblems errors={mine?.errors} />
        {children(field)}
        <Button type="submit">{submit}</Button>
      </Form>
    </details>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
