import {
  CASE_URGENCIES,
  type CaseStatus,
  caseStatusLabel,
  contactPreferenceLabel,
  keyGroupLabel,
  type Locale,
  partyKindLabel,
  partyRoleLabel,
  translate,
  urgencyLabel,
} from '@linju/i18n';
import {
  AssigneeFields,
  assigneeChoices,
  CsrfField,
  IntentForm,
  resolvePostedChoice,
  SelectField,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form } from 'react-router';
import { CaseSubmissionOutcome, failureIn, typedValue, useCasePage } from '../../components/case-page.tsx';
import { CaseTimeline } from '../../components/case-timeline.tsx';
import { PartnerPicker } from '../../components/partner-picker.tsx';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { isOpenStatus, statusMoves } from '../../lib/cases.ts';
import { formText } from '../../lib/form-data.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { organisationChoices } from '../../lib/organisation-rules.ts';
import { isPartnerKind, type OrganisationRow } from '../../lib/organisation-tree.ts';
import { requestLocale } from '../../lib/request-locale.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/handling';

/** The status the API's refusals of a case's work often concern (`case.not_open`). */
const errors = { fields: ['status'] };

/** Where a case may be transferred: the district's open units but the one holding it. */
const transferTargets = (organisations: readonly OrganisationRow[], locale: Locale, currentId: string) =>
  organisationChoices(organisations, locale, {
    keep: (row) => row.id !== currentId && !isPartnerKind(row.kind),
  });

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
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
        run: async (values, { refuse }) => {
          // Without JavaScript the picker posts the typed name.
          const assignee = await resolvePostedChoice(values.assigneeId, async () =>
            assigneeChoices(
              (key, p) => translate(locale, key, p),
              locale,
              await caller.case.assignees({ caseId }),
            ),
          );
          if ('problem' in assignee) return refuse({ assigneeId: assignee.problem });
          await caller.case.assign({
            caseId,
            assigneeId: assignee.id,
            conflictReason: values.conflictReason || null,
            negativeListReason: values.negativeListReason || null,
          });
        },
      }),
      transfer: intent({
        fields: ['organisationId', 'reason'],
        required: ['organisationId', 'reason'],
        errors,
        run: async (values, { refuse }) => {
          const to = await resolvePostedChoice(values.organisationId, async () => {
            const { currentOrganisationId } = await caller.case.get({ caseId });
            return transferTargets(await caller.organisation.getMany(), locale, currentOrganisationId);
          });
          if ('problem' in to) return refuse({ organisationId: to.problem });
          await caller.case.transfer({ caseId, organisationId: to.id, reason: values.reason });
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
  const { case: c, organisations, staff, services, can } = useCasePage();
  const failure = failureIn(actionData);
  const revealed = actionData && 'revealed' in actionData ? actionData.revealed : undefined;
  const network = transferTargets(organisations, locale, c.currentOrganisationId);
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
                  {t('parties.line', {
                    role: partyRoleLabel(locale, p.role),
                    name: p.name,
                    kind: partyKindLabel(locale, p.kind),
                  })}
                  {p.idNumberMasked ? ` · ${p.idNumberMasked}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <CaseTimeline />

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
            {(f) =>
              staff ? (
                <AssigneeFields
                  field={(name) => ({
                    ...f(name),
                    defaultValue: value('assign', name, name === 'assigneeId' ? (c.assigneeId ?? '') : ''),
                  })}
                  candidates={staff}
                  label={t('casePage.assignee_id')}
                  searchable
                />
              ) : (
                <TextField
                  {...f('assigneeId')}
                  label={t('casePage.assignee_id')}
                  hint={t('casePage.no_staff')}
                  defaultValue={value('assign', 'assigneeId', '')}
                />
              )
            }
          </IntentForm>
        ) : null}
        {can.manage && open ? (
          <IntentForm intent="transfer" title={t('casePage.transfer')} submit={t('casePage.transfer_submit')}>
            {(f) => (
              <PartnerPicker
                field={f('organisationId')}
                label={t('casePage.transfer_to')}
                choices={network}
                reason={f('reason')}
              />
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
