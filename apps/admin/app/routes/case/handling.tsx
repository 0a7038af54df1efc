import {
  CASE_URGENCIES,
  type CaseStatus,
  caseStatusLabel,
  type Locale,
  translate,
  urgencyLabel,
} from '@linju/i18n';
import {
  AssigneeFields,
  assigneeChoices,
  IntentForm,
  resolvePostedChoice,
  SelectField,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
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
      // Reads only: the answer is shown on the timeline, not kept.
      citations: intent({
        run: async () => ({
          intent: 'citations',
          citations: await caller.statutes.checkCitations({ caseId }),
        }),
      }),
      messageResident: intent({
        fields: ['text'],
        required: ['text'],
        errors,
        run: async (values) => {
          await caller.case.messageResident({ caseId, text: values.text });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, '') },
  );
}

/** The case's handling: the next actions on the case (triage, assignment, transfer, status, notes), then its timeline. */
export default function CaseHandling({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { case: c, organisations, staff, services, can } = useCasePage();
  const failure = failureIn(actionData);
  const citations = actionData && 'citations' in actionData ? actionData.citations : undefined;
  const network = transferTargets(organisations, locale, c.currentOrganisationId);
  const open = isOpenStatus(c.status);
  const moves = statusMoves(c.status);
  const value = (intentName: string, name: string, fallback: string) =>
    typedValue(failure, intentName, name, fallback);

  return (
    <>
      <CaseSubmissionOutcome failure={failure} />

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
        {can.handle ? (
          <IntentForm
            intent="messageResident"
            title={t('casePage.message_resident')}
            submit={t('casePage.message_resident_submit')}
          >
            {(f) => (
              <TextArea
                {...f('text')}
                label={t('casePage.message_resident_text')}
                hint={t('casePage.message_resident_hint')}
                rows={3}
              />
            )}
          </IntentForm>
        ) : null}
      </section>
      <CaseTimeline citations={citations} />
    </>
  );
}
