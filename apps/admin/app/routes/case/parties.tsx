import { partyKindLabel, partyRoleLabel } from '@linju/i18n';
import {
  Button,
  Checkbox,
  CsrfField,
  type IntentFailure,
  IntentForm,
  useLandingFormAction,
  useLocale,
  useTranslate,
} from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, useLocation } from 'react-router';
import { CaseSubmissionOutcome, failureIn, useCasePage } from '../../components/case-page.tsx';
import { PartyFields } from '../../components/party-fields.tsx';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { PARTY_FIELDS, PARTY_PATHS, partyRequest } from '../../lib/party-form.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/parties';

/** Where the API's refusals of a party show: its fields, and the case's state (`case.parties_closed`). */
const errors = { fields: ['status'], fieldForPath: PARTY_PATHS };
/** A finished case's parties are its record (the API refuses changes; the page offers none). */
const ENDED: readonly string[] = ['closed', 'withdrawn', 'rejected'];

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      add: intent({
        fields: PARTY_FIELDS,
        required: ['name'],
        errors,
        run: async (values) => {
          await caller.case.addParty({ caseId, ...partyRequest(values) });
        },
      }),
      // One form per party: its refusal shows on that party's form only.
      update: intent({
        fields: PARTY_FIELDS,
        keep: ['partyId'],
        failureKey: (values) => `update:${values.partyId}`,
        required: ['name'],
        errors,
        run: async (values) => {
          await caller.case.updateParty({ caseId, partyId: values.partyId, ...partyRequest(values) });
        },
      }),
      remove: intent({
        fields: ['confirm'],
        keep: ['partyId'],
        failureKey: (values) => `remove:${values.partyId}`,
        required: ['confirm'],
        errors,
        run: async (values) => {
          await caller.case.removeParty({ caseId, partyId: values.partyId });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'parties') },
  );
}

/** The case's parties: the resident who came, the others recorded, and adding, correcting, removing them. */
export default function CaseParties({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { case: c, can } = useCasePage();
  const failure = failureIn(actionData);
  const editable = can.handle && !ENDED.includes(c.status);
  const typed = (key: string) => (failure?.intent === key ? failure.values : {});
  const fieldError = (key: string) => (field: string) => {
    const message = failure?.intent === key ? failure.errors.fields[field] : undefined;
    return message ? t(message, failure?.errors.params) : undefined;
  };

  return (
    <>
      <CaseSubmissionOutcome failure={failure} />
      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t('casePage.parties_heading')}</h2>
        <dl className="admin-details">
          <dt>{t('parties.resident')}</dt>
          <dd>{c.resident.name}</dd>
        </dl>
        {c.parties.length === 0 ? <p className="admin-muted">{t('parties.none')}</p> : null}
        <ul className="admin-list">
          {c.parties.map((p) => (
            <li key={p.id}>
              <p>
                {t('parties.line', {
                  role: partyRoleLabel(locale, p.role),
                  name: p.name,
                  kind: partyKindLabel(locale, p.kind),
                })}
              </p>
              <p className="admin-muted">
                {[p.idNumberMasked, p.creditCode, p.phoneMasked, p.addressMasked]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </p>
              {editable ? (
                <>
                  <PartyForm
                    failureKey={`update:${p.id}`}
                    failure={failure}
                    intent="update"
                    title={t('parties.edit', { name: p.name })}
                    submit={t('parties.edit_submit')}
                    partyId={p.id}
                  >
                    <PartyFields
                      locale={locale}
                      values={
                        failure?.intent === `update:${p.id}`
                          ? typed(`update:${p.id}`)
                          : {
                              partyRole: p.role,
                              partyKind: p.kind,
                              name: p.name,
                              creditCode: p.creditCode ?? '',
                            }
                      }
                      error={fieldError(`update:${p.id}`)}
                      idOf={(field) => `update:${p.id}-${field}`}
                      kept={{ idNumber: p.idNumberMasked, phone: p.phoneMasked, address: p.addressMasked }}
                    />
                  </PartyForm>
                  <PartyForm
                    failureKey={`remove:${p.id}`}
                    failure={failure}
                    intent="remove"
                    title={t('parties.remove', { name: p.name })}
                    submit={t('parties.remove_submit')}
                    partyId={p.id}
                  >
                    <Checkbox
                      name="confirm"
                      id={`remove:${p.id}-confirm`}
                      value="yes"
                      label={t('parties.remove_confirm')}
                    />
                    {fieldError(`remove:${p.id}`)('confirm') ? (
                      <p className="lj-field__error" role="alert">
                        {fieldError(`remove:${p.id}`)('confirm')}
                      </p>
                    ) : null}
                  </PartyForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section id="actions" aria-labelledby="party-actions-heading">
        <h2 id="party-actions-heading">{t('casePage.actions_heading')}</h2>
        {editable ? (
          <IntentForm intent="add" title={t('parties.add')} submit={t('parties.add_submit')}>
            {(f) => (
              <PartyFields
                locale={locale}
                values={typed('add')}
                error={(field) => f(field).error}
                idOf={(field) => f(field).id}
              />
            )}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}

/**
 * A form about one party (correct, remove), folded like `IntentForm`: it posts `intent` with the
 * party's id and opens again with its own errors when it was the one refused (`failureKey`).
 */
function PartyForm({
  failureKey,
  failure,
  intent: name,
  title,
  submit,
  partyId,
  children,
}: {
  failureKey: string;
  failure: IntentFailure | undefined;
  intent: string;
  title: string;
  submit: string;
  partyId: string;
  children: ReactNode;
}) {
  // Keyed by navigation, as IntentForm is: after a saved change it closes and forgets what was typed.
  const { key } = useLocation();
  const landing = useLandingFormAction();
  return (
    <details key={key} className="admin-disclosure" open={failure?.intent === failureKey}>
      <summary>{title}</summary>
      <Form method="post" action={landing} className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value={name} />
        <input type="hidden" name="partyId" value={partyId} />
        {children}
        <Button type="submit">{submit}</Button>
      </Form>
    </details>
  );
}
