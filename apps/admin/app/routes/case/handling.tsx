import {
  CASE_URGENCIES,
  type CaseStatus,
  caseEventLabel,
  caseLinkKindLabel,
  caseStatusLabel,
  contactPreferenceLabel,
  formatDateTime,
  keyGroupLabel,
  partyRoleLabel,
  roleLabel,
  translate,
  urgencyLabel,
} from '@linju/i18n';
import {
  Alert,
  CsrfField,
  IntentForm,
  SelectField,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import {
  type CasePageData,
  CaseSubmissionOutcome,
  failureIn,
  typedValue,
  useCasePage,
  useOrganisationName,
} from '../../components/case-page.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { isOpenStatus, statusMoves } from '../../lib/cases.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { organisationOptions } from '../../lib/organisation-rules.ts';
import { providerMark } from '../../lib/provider-mark.ts';
import { type NamedService, serviceName } from '../../lib/service-name.ts';
import { tenantPaths, tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/handling';

/** The status the API's refusals of a case's work often concern (`case.not_open`). */
const errors = { fields: ['status'] };

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      reveal: intent({
        run: async (_values, { form }) => {
          const field = formText(form, 'field') === 'idNumber' ? 'idNumber' : 'phone';
          const { value } = await caller.case.revealResident({ caseId, field });
          // Shown in this response only; nothing keeps it.
          return { intent: 'reveal', revealed: { field, value: value ?? '—' } };
        },
      }),
      triage: intent({
        fields: ['serviceType', 'category', 'urgency', 'note'],
        errors,
        run: async (values) => {
          await caller.case.triage({
            caseId,
            serviceType: values.serviceType || 'undecided',
            category: values.category || null,
            urgency: (CASE_URGENCIES as readonly string[]).includes(values.urgency)
              ? (values.urgency as (typeof CASE_URGENCIES)[number])
              : undefined,
            note: values.note || null,
          });
        },
      }),
      assign: intent({
        fields: ['assigneeId', 'conflictReason', 'negativeListReason'],
        required: ['assigneeId'],
        errors,
        run: async (values) => {
          await caller.case.assign({
            caseId,
            assigneeId: values.assigneeId,
            conflictReason: values.conflictReason || null,
            negativeListReason: values.negativeListReason || null,
          });
        },
      }),
      transfer: intent({
        fields: ['organisationId', 'reason'],
        required: ['organisationId', 'reason'],
        errors,
        run: async (values) => {
          await caller.case.transfer({ caseId, ...values });
        },
      }),
      status: intent({
        fields: ['status', 'reason'],
        required: ['status'],
        run: async (values) => {
          await caller.case.setStatus({
            caseId,
            status: values.status as 'in-progress' | 'resolved' | 'closed' | 'withdrawn' | 'rejected',
            reason: values.reason || null,
          });
        },
      }),
      waiting: intent({
        fields: ['note'],
        errors,
        run: async (values, { form }) => {
          await caller.case.setWaiting({
            caseId,
            waiting: formText(form, 'waiting') === 'true',
            note: values.note || null,
          });
        },
      }),
      note: intent({
        fields: ['text'],
        required: ['text'],
        errors,
        run: async (values) => {
          await caller.case.addNote({ caseId, text: values.text });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, '') },
  );
}

/** The case's handling: the resident, the chain of matters, the timeline, and the work on the case. */
export default function CaseHandling({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services: installed } = useTenantShell();
  const orgName = useOrganisationName();
  const { case: c, chain, organisations, staff, services, can } = useCasePage();
  const failure = failureIn(actionData);
  const revealed = actionData && 'revealed' in actionData ? actionData.revealed : undefined;
  const options = organisationOptions(organisations, locale);
  const network = { network: options.network.filter((o) => o.id !== c.currentOrganisationId), partners: [] };
  const open = isOpenStatus(c.status);
  const moves = statusMoves(c.status);
  const value = (intentName: string, name: string, fallback: string) =>
    typedValue(failure, intentName, name, fallback);

  return (
    <>
      <CaseSubmissionOutcome failure={failure} answered={Boolean(revealed)} />
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
                  {p.name}（{partyRoleLabel(locale, p.role)}）
                  {p.idNumberMasked ? ` · ${p.idNumberMasked}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
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
                  · {serviceName(installed, link.serviceType, locale)} ·{' '}
                  {caseStatusLabel(locale, link.status)}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('casePage.timeline_heading')}</h2>
        <ol className="admin-timeline">
          {c.timeline.map((e) => (
            <li key={e.seq}>
              <p className="admin-timeline__head">
                <strong>{caseEventLabel(locale, e.kind)}</strong> · {e.actorName} ·{' '}
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
              </p>
              {eventDetail(e, locale, orgName, installed)}
              {e.text ? <p className="admin-prewrap">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section id="actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('casePage.actions_heading')}</h2>
        {can.manage && open ? (
          <IntentForm intent="triage" title={t('casePage.triage')} submit={t('casePage.triage_submit')}>
            {(f) => (
              <>
                {/* The services on at the case's unit and their categories, from the catalogue. */}
                <SelectField
                  {...f('serviceType')}
                  label={t('casePage.service')}
                  defaultValue={value('triage', 'serviceType', c.serviceType)}
                >
                  <option value="undecided">{t('service.undecided')}</option>
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
                  defaultValue={value('triage', 'category', c.category ?? '')}
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
                  defaultValue={value('triage', 'urgency', c.urgency)}
                >
                  {CASE_URGENCIES.map((u) => (
                    <option key={u} value={u}>
                      {urgencyLabel(locale, u)}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('note')} label={t('casePage.note')} rows={3} />
              </>
            )}
          </IntentForm>
        ) : null}
        {can.manage && open ? (
          <IntentForm intent="assign" title={t('casePage.assign')} submit={t('casePage.assign_submit')}>
            {(f) => (
              <>
                {staff ? (
                  <SelectField
                    {...f('assigneeId')}
                    label={t('casePage.assignee_id')}
                    defaultValue={value('assign', 'assigneeId', c.assigneeId ?? '')}
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
                    defaultValue={value('assign', 'assigneeId', '')}
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
                (failure.errors.fields.conflictReason || value('assign', 'conflictReason', '')) ? (
                  <TextArea
                    {...f('conflictReason')}
                    label={t('casePage.conflict_reason')}
                    defaultValue={value('assign', 'conflictReason', '')}
                    rows={3}
                  />
                ) : null}
                {failure?.intent === 'assign' &&
                (failure.errors.fields.negativeListReason || value('assign', 'negativeListReason', '')) ? (
                  <TextArea
                    {...f('negativeListReason')}
                    label={t('casePage.negative_list_reason')}
                    defaultValue={value('assign', 'negativeListReason', '')}
                    rows={3}
                  />
                ) : null}
              </>
            )}
          </IntentForm>
        ) : null}
        {can.manage && open ? (
          <IntentForm intent="transfer" title={t('casePage.transfer')} submit={t('casePage.transfer_submit')}>
            {(f) => (
              <>
                <OrganisationSelect
                  {...f('organisationId')}
                  label={t('casePage.transfer_to')}
                  options={network}
                  placeholder="—"
                />
                <TextArea {...f('reason')} label={t('casePage.reason')} rows={3} />
              </>
            )}
          </IntentForm>
        ) : null}
        {can.handle && moves.length > 0 ? (
          <IntentForm
            intent="status"
            title={t('casePage.set_status')}
            submit={t('casePage.set_status_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('status')}
                  label={t('casePage.new_status')}
                  defaultValue={value('status', 'status', moves[0] ?? '')}
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
                  rows={3}
                />
              </>
            )}
          </IntentForm>
        ) : null}
        {can.handle && open ? (
          <IntentForm
            intent="waiting"
            title={t('casePage.waiting')}
            submit={c.waitingForResident ? t('casePage.waiting_off') : t('casePage.waiting_on')}
            hidden={{ waiting: String(!c.waitingForResident) }}
          >
            {(f) => <TextArea {...f('note')} label={t('casePage.note')} rows={3} />}
          </IntentForm>
        ) : null}
        {can.handle ? (
          <IntentForm intent="note" title={t('casePage.add_note')} submit={t('casePage.add_note_submit')}>
            {(f) => <TextArea {...f('text')} label={t('casePage.note_text')} rows={3} />}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}

function eventDetail(
  e: CasePageData['case']['timeline'][number],
  locale: 'zh-CN' | 'en',
  orgName: (id: string | null | undefined) => string,
  services: readonly NamedService[],
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
    return <p>{serviceName(services, str(data.serviceType) ?? '', locale)}</p>;
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
