import { formatDateTime, roleLabel } from '@linju/i18n';
import { Checkbox, Fieldset, IntentForm, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { JOINT_CONSULTATION_EVENT } from '@linju/vocabulary';
import { CaseSubmissionOutcome, failureIn, typedValue, useCasePage } from '../../components/case-page.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { toDistrictInput } from '../../lib/core-services.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { serviceName } from '../../lib/service-name.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/joint-consultation';

/** "姓名（身份）" or "Name (capacity)", one attendee per line, as staff write them. */
function attendeesFromLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(line);
      return match ? { name: match[1] ?? line, capacity: match[2] ?? null } : { name: line, capacity: null };
    });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      'joint-consultation': intent({
        fields: ['heldAt', 'notes', 'others'],
        required: ['heldAt', 'notes'],
        errors: { fields: ['services', 'attendees'] },
        run: async (values, { form }) => {
          await caller.case.holdConsultation({
            caseId,
            // A datetime-local value is the district's local time (UTC+8 for the districts served).
            heldAt: new Date(`${values.heldAt}:00+08:00`),
            services: form.getAll('services').map(String),
            notes: values.notes,
            attendees: [
              ...form.getAll('staffMemberIds').map((id) => ({ staffMemberId: String(id) })),
              ...attendeesFromLines(values.others),
            ],
          });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'joint-consultation') },
  );
}

/**
 * 联合咨询: several services sit down together on one matter (a dispute that is also a legal-aid
 * and an appraisal question). The consultations held, and recording one with who attended.
 */
export default function CaseJointConsultation({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { services: named } = useTenantShell();
  const { case: c, services, staff, can } = useCasePage();
  const failure = failureIn(actionData);
  const held = c.timeline.filter((e) => e.kind === JOINT_CONSULTATION_EVENT);
  const value = (name: string, fallback: string) => typedValue(failure, 'joint-consultation', name, fallback);
  return (
    <>
      <CaseSubmissionOutcome failure={failure} />
      <section aria-labelledby="joint-consultation-heading">
        <h2 id="joint-consultation-heading">{t('casePage.joint_consultation_heading')}</h2>
        {held.length === 0 ? (
          <p className="admin-muted">{t('casePage.joint_consultation_none')}</p>
        ) : (
          <ul className="admin-list">
            {held.map((e) => {
              const data = e.data as { services?: string[]; attendees?: string[] };
              return (
                <li key={e.seq}>
                  <p>
                    <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time> ·{' '}
                    {(data.services ?? []).map((id) => serviceName(named, id, locale)).join('、')}
                  </p>
                  <p>
                    {t('casePage.joint_consultation_attendees')}：{(data.attendees ?? []).join('、')}
                  </p>
                  {e.text ? <p className="admin-prewrap">{e.text}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {can.handle ? (
        <section id="actions" aria-labelledby="joint-consultation-actions-heading">
          <h2 id="joint-consultation-actions-heading">{t('casePage.actions_heading')}</h2>
          <IntentForm
            intent="joint-consultation"
            title={t('casePage.joint_consultation')}
            submit={t('casePage.joint_consultation_submit')}
          >
            {(f) => (
              <>
                <TextField
                  {...f('heldAt')}
                  type="datetime-local"
                  label={t('casePage.joint_consultation_held_at')}
                  defaultValue={value('heldAt', toDistrictInput(new Date().toISOString()))}
                  className="admin-field--short"
                />
                <Fieldset legend={t('casePage.joint_consultation_services')} error={f('services').error}>
                  {services.map((s) => (
                    <Checkbox
                      key={s.pluginId}
                      name="services"
                      value={s.pluginId}
                      label={s.name[locale]}
                      defaultChecked={s.pluginId === c.serviceType}
                    />
                  ))}
                </Fieldset>
                {staff && staff.length > 0 ? (
                  <Fieldset legend={t('casePage.joint_consultation_staff')} error={f('attendees').error}>
                    {staff.map((p) => (
                      <Checkbox
                        key={p.id}
                        name="staffMemberIds"
                        value={p.id}
                        label={`${p.displayName}${p.roles.length > 0 ? `（${p.roles.map((r) => roleLabel(locale, r)).join('、')}）` : ''}`}
                      />
                    ))}
                  </Fieldset>
                ) : null}
                <TextArea
                  {...f('others')}
                  label={t('casePage.joint_consultation_others')}
                  hint={t('casePage.joint_consultation_others_hint')}
                  rows={3}
                  defaultValue={value('others', '')}
                />
                <TextArea
                  {...f('notes')}
                  label={t('casePage.joint_consultation_notes')}
                  rows={5}
                  defaultValue={value('notes', '')}
                />
              </>
            )}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
